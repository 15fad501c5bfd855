using RetailDatagen.Core.Options;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Where a run's rows go: the staging folder, its CSV files, the one SQLite writer and the content hashes. A run
/// either commits its outputs (the folder is renamed into place) or aborts them (the writer is stopped, the
/// staging folder removed on dispose); nothing half-written ever becomes visible.
/// </summary>
internal sealed class RunOutputs : IDisposable
{
    private readonly GenerationRequest _request;
    private readonly RunFolder? _folder;
    private readonly CancellationTokenSource _failure;
    private readonly SqliteWriterQueue? _queue;
    private Exception? _writerFault;
    private SqliteBulkWriter? _database;
    private bool _indexBuildQueued;

    public RunOutputs(GenerationRequest request, CancellationToken cancellationToken)
    {
        _request = request;
        Overview = request.DiscardOutput ? null : new Insights.OverviewAggregator();
        _folder = request.DiscardOutput
            ? null
            : new RunFolder(request.OutputDirectory, request.RunId, request.Overwrite);
        _failure = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var format = request.Options.Format;
            if (_folder is not null && format.WritesSqlite())
            {
                _queue = new SqliteWriterQueue(
                    _folder.StagedPath(RunFolder.DatabaseFile),
                    ex =>
                    {
                        _writerFault = ex;
                        _failure.Cancel();
                    },
                    _failure.Token
                );
            }

            if (_folder is not null && format.WritesCsv())
            {
                Directory.CreateDirectory(_folder.StagedPath(RunFolder.CsvFolder));
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Cancelled when the caller cancels or the SQLite writer fails: every stage stops at its next
    /// batch.</summary>
    public CancellationToken Token => _failure.Token;

    /// <summary>The staging folder, or null when rows are generated but discarded (benchmarks).</summary>
    public RunFolder? Folder => _folder;

    public bool WritesSqlite => _queue is not null;

    /// <summary>The Overview's aggregates, added up from the rows on their way out (null when rows are
    /// discarded).</summary>
    public Insights.OverviewAggregator? Overview { get; }

    /// <summary>One table's hash, CSV file and place in the SQLite queue.</summary>
    public TableOutput Open(TableTracker tracker) =>
        new(
            tracker,
            _folder is not null && _request.Options.Format.WritesCsv()
                ? new CsvTableSink(
                    _folder.StagedPath(Path.Combine(RunFolder.CsvFolder, tracker.Table.CsvFile)),
                    tracker.Table
                )
                : null,
            _queue,
            _request.DiscardOutput ? null : new ContentHasher(),
            Overview?.ObserverFor(tracker.Table)
        );

    /// <summary>
    /// Queues the build of every index not built yet right behind the rows already queued, reported as the
    /// index-building phase when SQLite starts it. The fact stage calls this as soon as its last row is queued, so
    /// the sort overlaps the CSV files, hashes and checks finishing that day; the finisher calls it again (then it
    /// does nothing) for runs without facts. Nothing for a run without SQLite.
    /// </summary>
    public ValueTask QueueIndexBuildAsync(PhaseReporter phases, CancellationToken cancellationToken)
    {
        if (_queue is null || _indexBuildQueued)
        {
            return ValueTask.CompletedTask;
        }

        _indexBuildQueued = true;
        return _queue.EnqueueAsync(
            new BuildRemainingIndexes(() => phases.Start(RunPhase.BuildingIndexes), phases.Advance),
            cancellationToken
        );
    }

    /// <summary>Waits until SQLite has every row; null for a run without SQLite.</summary>
    public async Task<SqliteBulkWriter?> DrainDatabaseAsync()
    {
        if (_queue is not null)
        {
            _database = await _queue.DrainAsync().ConfigureAwait(false);
        }

        return _database;
    }

    /// <summary>Closes the committed database file (before the manifest lists the files).</summary>
    public void CloseDatabase()
    {
        _database?.Dispose();
        _database = null;
    }

    /// <summary>Renames the staging folder into place.</summary>
    public void Commit() => _folder?.Commit();

    /// <summary>
    /// Stops every writer after <paramref name="error"/> and returns what really went wrong: the SQLite writer's own
    /// fault when the stages only saw the cancellation it caused.
    /// </summary>
    public async Task<Exception> AbortAsync(Exception error)
    {
        // Stop the SQLite consumer before the writer is disposed under it.
        await _failure.CancelAsync().ConfigureAwait(false);
        if (_queue is not null && _database is null)
        {
            try
            {
                await _queue.DrainAsync().ConfigureAwait(false);
            }
            catch (Exception drainError) when (drainError is OperationCanceledException || drainError == _writerFault)
            {
                // Expected: the consumer stops on the cancellation, or already failed with the writer's fault.
            }
        }

        return _writerFault ?? error;
    }

    public void Dispose()
    {
        (_database ?? _queue?.CreatedWriter)?.Dispose();
        _failure.Dispose();
        _folder?.Dispose();
    }
}
