using RetailDatagen.Core.Model;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// One table's way out: its content hash, its CSV file (if any) and its place in the SQLite queue (if any).
/// Without a hasher (benchmarking generation alone) rows are only counted. An observer (the overview aggregates)
/// sees every batch in order.
/// </summary>
internal sealed class TableOutput(
    TableTracker tracker,
    CsvTableSink? csv,
    SqliteWriterQueue? queue,
    ContentHasher? hasher,
    Action<IRow[]>? observer = null
) : IDisposable
{
    private long _produced;

    public TableTracker Tracker => tracker;

    /// <summary>Hashes and writes rows in order; must not be called concurrently for one table.</summary>
    public async ValueTask WriteAsync(IRow[] rows, CancellationToken cancellationToken)
    {
        Record(rows);
        await PublishAsync(rows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds rows to the content hash, the CSV file and the observer, in order. Independent of
    /// <see cref="PublishAsync"/>, so the two can run on different threads (the fact stage records a day while
    /// SQLite writes it).
    /// </summary>
    public void Record(IRow[] rows)
    {
        observer?.Invoke(rows);
        if (hasher is null && csv is null)
        {
            return;
        }

        foreach (var row in rows)
        {
            hasher?.AddRow(row);
            csv?.Write(row);
        }
    }

    /// <summary>Hands rows to the SQLite writer (or just counts them when there is no database), in order.</summary>
    public async ValueTask PublishAsync(IRow[] rows, CancellationToken cancellationToken)
    {
        _produced += rows.Length;
        if (queue is not null)
        {
            await queue
                .EnqueueAsync(new WriteBatch(tracker.Table, rows, tracker.Add), cancellationToken)
                .ConfigureAwait(false);
        }
        else
        {
            tracker.Add(rows.Length);
        }
    }

    /// <summary>
    /// Queues the table's index build right behind its last batch (call after the last <see cref="PublishAsync"/>),
    /// so the single SQLite writer sorts it while other tables are still being generated.
    /// </summary>
    public async ValueTask QueueIndexesAsync(CancellationToken cancellationToken)
    {
        if (queue is not null)
        {
            await queue.EnqueueAsync(new BuildTableIndexes(tracker.Table), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Closes the CSV file, waits until SQLite has every row, and returns the table's manifest
    /// entry.</summary>
    public async Task<TableManifest> CompleteAsync(CancellationToken cancellationToken)
    {
        csv?.Dispose();
        csv = null;
        tracker.ProducedAll(_produced);
        await tracker.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        tracker.Finish(TableState.Completed);
        return new TableManifest(
            tracker.Table.Name,
            tracker.Table.CsvFile,
            _produced,
            hasher?.Finish() ?? "",
            Math.Round(tracker.Seconds, 3)
        );
    }

    public void Dispose()
    {
        csv?.Dispose();
        hasher?.Dispose();
    }
}
