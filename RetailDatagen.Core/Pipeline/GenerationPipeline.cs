using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Generates a whole dataset: tables in FK-aware stages (independent tables of a stage in parallel), rows in
/// batches to the sinks (one shared SQLite writer, one CSV file per table), progress per batch, one commit,
/// and an atomic move of the finished run folder into place.
/// </summary>
public sealed partial class GenerationPipeline(TimeProvider time, ILogger<GenerationPipeline>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<GenerationPipeline>.Instance;

    public GenerationPipeline()
        : this(TimeProvider.System)
    {
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
        var trackers = GeneratorSet.Create(plan).Select(g => new TableTracker(g, progress)).ToList();
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

            foreach (var stage in trackers.GroupBy(t => t.Generator.Table.Stage).OrderBy(g => g.Key))
            {
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = failure.Token };
                await Parallel.ForEachAsync(stage, parallel, async (tracker, token) =>
                {
                    var manifest = await RunTableAsync(tracker, request, folder, queue, token).ConfigureAwait(false);
                    lock (results)
                    {
                        results[manifest.Name] = manifest;
                    }
                }).ConfigureAwait(false);
            }

            if (queue is not null)
            {
                database = await queue.DrainAsync().ConfigureAwait(false);
            }

            var tables = Tables.All.Select(t => results[t.Name]).ToList();
            var completed = time.GetUtcNow();
            if (database is not null)
            {
                database.Complete(
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
                    tables.Select(t => new MetaTable { TableName = t.Name, RowCount = t.RowCount, ContentHash = t.ContentHash, GeneratedSeconds = t.GeneratedSeconds }));
                database.Dispose();
                database = null;
            }

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
            };
            if (folder is not null)
            {
                manifestRecord = manifestRecord with { Files = ListFiles(folder.StagingDirectory) };
                await File.WriteAllTextAsync(folder.StagedPath(RunManifest.FileName), manifestRecord.ToJson(), cancellationToken).ConfigureAwait(false);
                folder.Commit();
            }

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

    private async Task<TableManifest> RunTableAsync(TableTracker tracker, GenerationRequest request, RunFolder? folder, SqliteWriterQueue? queue, CancellationToken token)
    {
        var generator = tracker.Generator;
        var table = generator.Table;
        var batchSize = request.Options.BatchSize;
        tracker.Start();
        LogTableStarted(table.Name, tracker.Planned);
        using var hasher = new ContentHasher();
        using (var csv = folder is not null && request.Options.Format.WritesCsv()
            ? new CsvTableSink(folder.StagedPath(Path.Combine(RunFolder.CsvFolder, table.CsvFile)), table)
            : null)
        {
            // The next batch is generated (on all cores: rows are independent) while this one is hashed,
            // written to CSV and queued for SQLite, so the single SQLite writer is never kept waiting.
            var next = tracker.Planned > 0 ? GenerateBatchAsync(generator, 0, (int)Math.Min(batchSize, tracker.Planned), token) : null;
            for (long start = 0; start < tracker.Planned; start += batchSize)
            {
                var rows = await next!.ConfigureAwait(false);
                token.ThrowIfCancellationRequested();
                var following = start + batchSize;
                next = following < tracker.Planned
                    ? GenerateBatchAsync(generator, following, (int)Math.Min(batchSize, tracker.Planned - following), token)
                    : null;
                var count = rows.Length;
                foreach (var row in rows)
                {
                    hasher.AddRow(row);
                    csv?.Write(row);
                }

                if (queue is not null)
                {
                    await queue.EnqueueAsync(new WriteBatch(table, rows, tracker.Add), token).ConfigureAwait(false);
                }
                else
                {
                    tracker.Add(count);
                }

                request.AfterBatch?.Invoke(table, start + count);
            }
        }

        await tracker.Completion.WaitAsync(token).ConfigureAwait(false);
        tracker.Finish(TableState.Completed);
        LogTableCompleted(table.Name, tracker.Planned, tracker.Seconds);
        return new TableManifest(table.Name, table.CsvFile, tracker.Planned, hasher.Finish(), Math.Round(tracker.Seconds, 3));
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
