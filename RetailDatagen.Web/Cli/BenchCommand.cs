using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Web.Cli;

/// <summary>
/// Measures, in order: the end-to-end run (peak memory is read right after it), generation alone (no sinks),
/// the SQLite writer's ceiling (the same rows pre-generated in memory, inserted through the same path), and the
/// end-to-end run again; the ratio compares the ceiling with the mean of the two end-to-end runs around it.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliOptions cli, GenerationPipeline pipeline, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("bench", "Measure generation and write speed; write bench.json.")
        {
            cli.Preset,
            cli.Config,
            cli.Seed,
            cli.Format,
            cli.Threads,
            cli.Set,
            cli.BenchOut,
        };
        command.SetAction(
            (parsed, cancellationToken) => RunAsync(parsed, cli, pipeline, stdout, stderr, cancellationToken)
        );
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parsed,
        CliOptions cli,
        GenerationPipeline pipeline,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken
    )
    {
        if (OptionsFromArguments.TryBuild(parsed, cli, out var options) is { } optionError)
        {
            await stderr.WriteLineAsync(optionError);
            return CliApp.InvalidInput;
        }

        var outDir = Path.GetFullPath(parsed.GetValue(cli.BenchOut) ?? Path.Combine("output", "bench"));
        Directory.CreateDirectory(outDir);
        var runDir = Path.Combine(outDir, "run");

        await stdout.WriteLineAsync(
            $"Bench: preset {options.Preset}, format {options.Format.ToOptionValue()}, {Environment.ProcessorCount} "
                + $"cores, {RuntimeInformation.OSDescription}"
        );
        // Every run below goes through the same pipeline; only what it generates and whether it keeps the output
        // differ. Generation alone discards its rows, so it needs no folder of its own.
        Task<RunManifest> RunAsync(GenerationOptions runOptions, string directory, bool discardOutput = false) =>
            pipeline.RunAsync(
                new GenerationRequest
                {
                    Options = runOptions,
                    OutputDirectory = directory,
                    RunId = RunIds.New(TimeProvider.System),
                    Overwrite = !discardOutput,
                    DiscardOutput = discardOutput,
                },
                null,
                cancellationToken
            );

        async Task<(RunManifest Run, double Seconds)> EndToEndAsync()
        {
            var wall = Stopwatch.StartNew();
            var run = await RunAsync(options, runDir);
            return (run, wall.Elapsed.TotalSeconds);
        }

        // Warm-up: the first run of a process also pays for loading the dictionaries, building the EF model of
        // the schema, JIT compilation and growing the heap to the run's size. A long-running app pays that once; the
        // figures below are steady state. The warm-up is the measured run cut to one day: a small preset's day left
        // the first measured run 2.6-5.7 s slower than the same run repeated (standard preset, 7 days).
        await RunAsync(options with { Days = 1 }, Path.Combine(outDir, "warmup"));
        Directory.Delete(Path.Combine(outDir, "warmup"), recursive: true);

        var (endToEnd, wallSeconds) = await EndToEndAsync();
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        var peakMb = self.PeakWorkingSet64 / 1048576.0;

        var generationOnly = await RunAsync(options, runDir, discardOutput: true);

        var ceiling = await MeasureWriterCeilingAsync(options, Path.Combine(outDir, "ceiling.db"), cancellationToken);

        // This machine's speed drifts by a quarter from one minute to the next (the same run measured 29-40 s), so
        // the end-to-end run is repeated after the ceiling and the ratio compares the ceiling with the two runs
        // around it: drift then moves both sides of the ratio alike.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var (_, againSeconds) = await EndToEndAsync();

        var totalRows = endToEnd.TotalRows;
        var endToEndRate = totalRows / ((wallSeconds + againSeconds) / 2);
        var customers = generationOnly.Tables.Single(t => t.Name == Tables.Customers.Name);
        var result = new BenchResult(
            options.Preset,
            options.Format.ToOptionValue(),
            new MachineInfo(
                Environment.ProcessorCount,
                RuntimeInformation.OSDescription,
                CpuModel(),
                RuntimeInformation.FrameworkDescription
            ),
            [
                .. endToEnd.Tables.Select(t => new BenchTable(
                    t.Name,
                    t.RowCount,
                    t.GeneratedSeconds,
                    Rate(t.RowCount, t.GeneratedSeconds)
                )),
            ],
            new BenchTable("total", totalRows, Math.Round(wallSeconds, 3), Rate(totalRows, wallSeconds)),
            Rate(generationOnly.TotalRows, generationOnly.ElapsedSeconds),
            Rate(customers.RowCount, customers.GeneratedSeconds),
            Rate(ceiling.Rows, ceiling.Seconds),
            ceiling,
            Math.Round(endToEndRate / (ceiling.Rows / ceiling.Seconds), 3),
            Math.Round(wallSeconds, 3),
            Math.Round(againSeconds, 3),
            Math.Round(peakMb, 1)
        );

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync($"{"table",-32} {"rows",12} {"seconds",9} {"rows/s",12}");
        foreach (var t in result.Tables.Append(result.Total))
        {
            await stdout.WriteLineAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{t.Name,-32} {t.Rows,12:N0} {t.Seconds,9:F2} {t.RowsPerSecond,12:N0}"
                )
            );
        }

        await stdout.WriteLineAsync();
        await stdout.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"generation only        {result.GenerationOnlyRowsPerSecond,12:N0} rows/s (customers "
                    + $"{result.GenerationOnlyCustomerRowsPerSecond:N0} rows/s)"
            )
        );
        await stdout.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"SQLite writer ceiling  {result.WriterCeilingRowsPerSecond,12:N0} rows/s ({ceiling.Seconds:F2} s: "
                    + $"insert {ceiling.InsertSeconds:F2}, indexes {ceiling.IndexSeconds:F2}, "
                    + $"foreign keys {ceiling.ForeignKeySeconds:F2}, commit {ceiling.CommitSeconds:F2})"
            )
        );
        await stdout.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"end-to-end / ceiling   {result.Ratio,12:F3}")
        );
        await stdout.WriteLineAsync(
            string.Create(
                CultureInfo.InvariantCulture,
                $"wall                   {result.WallSeconds,12:F2} s (again after the ceiling: "
                    + $"{result.RepeatWallSeconds:F2} s)"
            )
        );
        await stdout.WriteLineAsync(
            string.Create(CultureInfo.InvariantCulture, $"peak working set       {result.PeakWorkingSetMB,12:F1} MB")
        );

        var jsonPath = Path.Combine(outDir, "bench.json");
        await File.WriteAllTextAsync(
            jsonPath,
            JsonSerializer.Serialize(
                result,
                new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase }
            ),
            cancellationToken
        );
        await stdout.WriteLineAsync($"Wrote {jsonPath}");
        return CliApp.Success;
    }

    private static async Task<CeilingResult> MeasureWriterCeilingAsync(
        GenerationOptions options,
        string path,
        CancellationToken cancellationToken
    )
    {
        var plan = new MasterPlan(options);
        var prepared = GeneratorSet
            .Create(plan)
            .Select(g =>
            {
                var rows = new IRow[g.RowCount];
                for (long i = 0; i < rows.LongLength; i++)
                {
                    rows[i] = g.Create(i);
                }

                return (g.Table, Rows: rows);
            })
            .ToList();
        if (options.GenerateFacts)
        {
            var days = new List<FactDay>();
            await new FactSimulation(plan).RunAsync(
                (day, _) =>
                {
                    days.Add(day);
                    return ValueTask.CompletedTask;
                },
                cancellationToken
            );
            prepared.AddRange(
                days.SelectMany(d => Tables.Facts.Select(t => (t, d.Rows[t].ToArray())))
            );
        }

        // Every row is in an array before the clock starts, and the heap is settled: a collection of a heap this
        // size (gigabytes of pre-generated rows) while the clock runs would be measured as the writer's time.
        File.Delete(path);
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        var clock = Stopwatch.StartNew();
        double inserted, indexed, checkedKeys;
        using (var writer = SqliteBulkWriter.Create(path))
        {
            foreach (var (table, rows) in prepared)
            {
                for (var start = 0; start < rows.Length; start += options.BatchSize)
                {
                    writer.Insert(table, rows.AsSpan(start, Math.Min(options.BatchSize, rows.Length - start)));
                }
            }

            inserted = clock.Elapsed.TotalSeconds;
            writer.BuildIndexes();
            indexed = clock.Elapsed.TotalSeconds;
            writer.ForeignKeyViolations();
            checkedKeys = clock.Elapsed.TotalSeconds;
            writer.Commit(
                new MetaRun
                {
                    RunId = "ceiling",
                    GeneratorVersion = GeneratorInfo.Version,
                    Status = "Completed",
                },
                [],
                [],
                []
            );
        }

        var seconds = clock.Elapsed.TotalSeconds;
        File.Delete(path);
        return new CeilingResult(
            prepared.Sum(p => (long)p.Rows.Length),
            Math.Round(seconds, 3),
            Math.Round(inserted, 3),
            Math.Round(indexed - inserted, 3),
            Math.Round(checkedKeys - indexed, 3),
            Math.Round(seconds - checkedKeys, 3)
        );
    }

    private static double Rate(long rows, double seconds) => seconds <= 0 ? 0 : Math.Round(rows / seconds, 0);

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo")
                    .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                    ?.Split(':', 2)[1]
                    .Trim()
                ?? "unknown";
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    /// <summary>The ceiling's wall time and its phases (insert, index build, foreign-key check, commit), in
    /// seconds.</summary>
    private sealed record CeilingResult(
        long Rows,
        double Seconds,
        double InsertSeconds,
        double IndexSeconds,
        double ForeignKeySeconds,
        double CommitSeconds
    );

    private sealed record MachineInfo(int Cores, string Os, string Cpu, string Runtime);

    private sealed record BenchTable(string Name, long Rows, double Seconds, double RowsPerSecond);

    private sealed record BenchResult(
        string Preset,
        string Format,
        MachineInfo Machine,
        IReadOnlyList<BenchTable> Tables,
        BenchTable Total,
        double GenerationOnlyRowsPerSecond,
        double GenerationOnlyCustomerRowsPerSecond,
        double WriterCeilingRowsPerSecond,
        CeilingResult WriterCeiling,
        double Ratio,
        double WallSeconds,
        double RepeatWallSeconds,
        double PeakWorkingSetMB
    );
}
