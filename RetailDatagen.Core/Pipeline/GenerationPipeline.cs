using System.Globalization;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Quality;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Generates a whole dataset: master tables in FK-aware stages (independent tables of a stage in parallel),
/// then the fact tables day by day; rows go in batches to the sinks (one shared SQLite writer, one CSV file
/// per table), progress is reported per batch, the database is committed once, and the finished run folder is
/// moved into place atomically.
/// </summary>
public sealed partial class GenerationPipeline(TimeProvider time, ILogger<GenerationPipeline>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<GenerationPipeline>.Instance;

    public GenerationPipeline()
        : this(TimeProvider.System)
    {
    }

    /// <summary>Rows each table is expected to have (exact for master tables, from the volume model for facts).</summary>
    public static IReadOnlyDictionary<string, long> PlannedRows(GenerationOptions options)
    {
        var planned = new Dictionary<string, long>(GeneratorSet.PlannedRows(options));
        if (options.GenerateFacts)
        {
            foreach (var (table, rows) in FactSimulation.EstimateRows(options))
            {
                planned[table] = rows;
            }
        }

        return planned;
    }

    /// <summary>Runs the generation. Throws <see cref="OptionsValidationException"/> for bad options before anything is written.</summary>
    public async Task<RunManifest> RunAsync(GenerationRequest request, IProgress<TableProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        OptionsValidator.EnsureValid(options);
        var started = time.GetUtcNow();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var plan = new MasterPlan(options);
        var generators = GeneratorSet.Create(plan).ToDictionary(g => g.Table.Name);
        var planned = PlannedRows(options);
        var trackers = Tables.For(options).Select(t => new TableTracker(t, planned[t.Name], progress)).ToList();
        var phases = new PhaseReporter(progress, time);
        foreach (var tracker in trackers)
        {
            tracker.Report(TableState.Pending);
        }

        LogRunStarted(request.RunId, options.Seed, options.Format);
        using var folder = request.DiscardOutput ? null : new RunFolder(request.OutputDirectory, request.RunId, request.Overwrite);
        using var failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? writerFault = null;
        SqliteBulkWriter? database = null;
        SqliteWriterQueue? queue = null;
        var results = new Dictionary<string, TableManifest>(StringComparer.Ordinal);
        IReadOnlyList<QualityCheck> quality = [];
        IReadOnlyList<RealismKpi> realism = [];
        try
        {
            if (folder is not null && options.Format.WritesSqlite())
            {
                queue = new SqliteWriterQueue(folder.StagedPath(RunFolder.DatabaseFile), ex => { writerFault = ex; failure.Cancel(); }, failure.Token);
            }

            if (folder is not null && options.Format.WritesCsv())
            {
                Directory.CreateDirectory(folder.StagedPath(RunFolder.CsvFolder));
            }

            phases.Start(RunPhase.Generating);
            TableOutput Open(TableTracker tracker) => new(
                tracker,
                folder is not null && options.Format.WritesCsv() ? new CsvTableSink(folder.StagedPath(Path.Combine(RunFolder.CsvFolder, tracker.Table.CsvFile)), tracker.Table) : null,
                queue,
                request.DiscardOutput ? null : new ContentHasher());

            foreach (var stage in trackers.Where(t => t.Table.Stage < Tables.FactStage).GroupBy(t => t.Table.Stage).OrderBy(g => g.Key))
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = failure.Token };
                await Parallel.ForEachAsync(stage, parallel, async (tracker, token) =>
                {
                    using var output = Open(tracker);
                    var manifest = await RunTableAsync(output, generators[tracker.Table.Name], options.BatchSize, request, token).ConfigureAwait(false);
                    lock (results)
                    {
                        results[manifest.Name] = manifest;
                    }
                }).ConfigureAwait(false);
            }

            if (options.GenerateFacts)
            {
                var factTrackers = trackers.Where(t => t.Table.Stage == Tables.FactStage).ToList();
                var outputs = factTrackers.ToDictionary(t => t.Table, Open);
                try
                {
                    (quality, realism) = await RunFactsAsync(plan, outputs, options.BatchSize, request, failure.Token).ConfigureAwait(false);
                    foreach (var output in outputs.Values)
                    {
                        var manifest = await output.CompleteAsync(failure.Token).ConfigureAwait(false);
                        results[manifest.Name] = manifest;
                        LogTableCompleted(manifest.Name, manifest.RowCount, manifest.GeneratedSeconds);
                    }
                }
                finally
                {
                    foreach (var output in outputs.Values)
                    {
                        output.Dispose();
                    }
                }
            }

            if (queue is not null)
            {
                database = await queue.DrainAsync().ConfigureAwait(false);
                phases.Start(RunPhase.BuildingIndexes);
                database.BuildIndexes(phases.Advance);
                phases.Start(RunPhase.CheckingKeys);
                var violations = database.ForeignKeyViolations();
                var withForeignKeys = Tables.For(options).Where(t => SqliteSchema.Instance.HasForeignKeys(t.Name)).Sum(t => results[t.Name].RowCount);
                quality = [new QualityCheck("foreign_keys", "PRAGMA foreign_key_check: rows whose foreign keys do not resolve", withForeignKeys, violations), .. quality];
            }

            phases.Start(RunPhase.Reports);
            var tables = Tables.For(options).Select(t => results[t.Name]).ToList();
            phases.Start(RunPhase.Committing);
            var completed = time.GetUtcNow();
            if (database is not null)
            {
                database.Commit(
                    new MetaRun
                    {
                        RunId = request.RunId,
                        GeneratorVersion = GeneratorInfo.Version,
                        Seed = options.Seed,
                        ConfigJson = OptionsJson.SerializeCompact(options),
                        StartedAt = started.ToString("O", CultureInfo.InvariantCulture),
                        CompletedAt = completed.ToString("O", CultureInfo.InvariantCulture),
                        Status = "Completed",
                    },
                    tables.Select(t => new MetaTable { TableName = t.Name, RowCount = t.RowCount, ContentHash = t.ContentHash, GeneratedSeconds = t.GeneratedSeconds }),
                    quality.Select(q => new MetaQuality { Check = q.Check, Description = q.Description, Checked = q.Checked, Failed = q.Failed }),
                    realism);
                database.Dispose();
                database = null;
                phases.Advance(0.5);
            }

            await RunDocumentation.WriteAsync(folder, request.RunId, options, cancellationToken).ConfigureAwait(false);
            var manifestRecord = new RunManifest
            {
                RunId = request.RunId,
                GeneratorVersion = GeneratorInfo.Version,
                Status = "Completed",
                Seed = options.Seed,
                Preset = options.Preset,
                Options = options,
                StartedAt = started,
                CompletedAt = completed,
                ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
                Tables = tables,
                Quality = quality,
                Realism = realism,
            };
            if (folder is not null)
            {
                manifestRecord = manifestRecord with { Files = ListFiles(folder.StagingDirectory) };
                await File.WriteAllTextAsync(folder.StagedPath(RunManifest.FileName), manifestRecord.ToJson(), cancellationToken).ConfigureAwait(false);
                folder.Commit();
            }

            phases.Complete();

            LogRunCompleted(request.RunId, manifestRecord.TotalRows, clock.Elapsed.TotalSeconds);
            return manifestRecord;
        }
        catch (Exception ex)
        {
            // Stop the SQLite consumer before the writer is disposed under it.
            await failure.CancelAsync().ConfigureAwait(false);
            if (queue is not null && database is null)
            {
                try
                {
                    await queue.DrainAsync().ConfigureAwait(false);
                }
                catch (Exception drainError) when (drainError is OperationCanceledException || drainError == writerFault)
                {
                    // Expected: the consumer stops on the cancellation, or already failed with writerFault.
                }
            }

            var cancelled = cancellationToken.IsCancellationRequested && writerFault is null && ex is OperationCanceledException;
            phases.Stop(cancelled ? TableState.Cancelled : TableState.Failed);
            foreach (var tracker in trackers.Where(t => t.State is TableState.Pending or TableState.Running))
            {
                tracker.Finish(cancelled ? TableState.Cancelled : TableState.Failed);
            }

            if (cancelled)
            {
                LogRunCancelled(request.RunId);
                throw;
            }

            var cause = writerFault ?? ex;
            LogRunFailed(cause, request.RunId);
            if (writerFault is not null && ex is OperationCanceledException)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(writerFault);
            }

            throw;
        }
        finally
        {
            (database ?? queue?.CreatedWriter)?.Dispose();
        }
    }

    private async Task<TableManifest> RunTableAsync(TableOutput output, ITableGenerator generator, int batchSize, GenerationRequest request, CancellationToken token)
    {
        var table = generator.Table;
        var total = generator.RowCount;
        output.Tracker.Start();
        LogTableStarted(table.Name, total);

        // The next batch is generated (on all cores: rows are independent) while this one is hashed, written
        // to CSV and queued for SQLite, so the single SQLite writer is never kept waiting.
        var next = total > 0 ? GenerateBatchAsync(generator, 0, (int)Math.Min(batchSize, total), token) : null;
        for (long start = 0; start < total; start += batchSize)
        {
            var rows = await next!.ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            var following = start + batchSize;
            next = following < total ? GenerateBatchAsync(generator, following, (int)Math.Min(batchSize, total - following), token) : null;
            await output.WriteAsync(rows, token).ConfigureAwait(false);
            request.AfterBatch?.Invoke(table, start + rows.Length);
        }

        var manifest = await output.CompleteAsync(token).ConfigureAwait(false);
        LogTableCompleted(table.Name, manifest.RowCount, manifest.GeneratedSeconds);
        return manifest;
    }

    // Days are simulated one ahead of writing: while day d is checked, hashed, written to CSV and queued for
    // SQLite, day d + 1 is being simulated.
    private static async Task<(IReadOnlyList<QualityCheck> Quality, IReadOnlyList<RealismKpi> Realism)> RunFactsAsync(
        MasterPlan plan, Dictionary<TableInfo, TableOutput> outputs, int batchSize, GenerationRequest request, CancellationToken token)
    {
        foreach (var output in outputs.Values)
        {
            output.Tracker.Start();
        }

        var checker = new FactQualityChecker(plan);
        var realism = new RealismMeter(plan, checker);
        var days = Channel.CreateBounded<FactDay>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    // Hand a day over, then wait until the writer has taken it before simulating the next:
                    // at most two days are in memory (one being written, one being simulated).
                    await new FactSimulation(plan).RunAsync(
                        async (day, ct) =>
                        {
                            await days.Writer.WriteAsync(day, ct).ConfigureAwait(false);
                            await days.Writer.WaitToWriteAsync(ct).ConfigureAwait(false);
                        },
                        token).ConfigureAwait(false);
                    days.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    days.Writer.TryComplete(ex);
                    throw;
                }
            },
            token);

        await new FactDayWriter(outputs, checker, realism, batchSize, request.AfterBatch).WriteAllAsync(days.Reader, token).ConfigureAwait(false);
        await producer.ConfigureAwait(false);
        return (checker.Results(), realism.Results());
    }

    private static Task<IRow[]> GenerateBatchAsync(ITableGenerator generator, long start, int count, CancellationToken token) =>
        Task.Run(
            () =>
            {
                var rows = new IRow[count];
                const int chunk = 1_000;
                Parallel.For(0, (count + chunk - 1) / chunk, new ParallelOptions { CancellationToken = token }, c =>
                {
                    var end = Math.Min(count, (c + 1) * chunk);
                    for (var i = c * chunk; i < end; i++)
                    {
                        rows[i] = generator.Create(start + i);
                    }
                });
                return rows;
            },
            token);

    private static List<FileManifest> ListFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new FileManifest(Path.GetRelativePath(root, f).Replace('\\', '/'), new FileInfo(f).Length))
            .OrderBy(f => f.Path, StringComparer.Ordinal)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started (seed {Seed}, format {Format})")]
    private partial void LogRunStarted(string runId, long seed, OutputFormat format);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed: {Rows} rows in {Seconds:F2} s")]
    private partial void LogRunCompleted(string runId, long rows, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} cancelled; no output was kept")]
    private partial void LogRunCancelled(string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed; no output was kept")]
    private partial void LogRunFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Table {Table} started: {Rows} rows planned")]
    private partial void LogTableStarted(string table, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table {Table} completed: {Rows} rows in {Seconds:F2} s")]
    private partial void LogTableCompleted(string table, long rows, double seconds);
}
