using RetailDatagen.Core.Model;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>One table's way out: its content hash, its CSV file (if any) and its place in the SQLite queue (if any).</summary>
internal sealed class TableOutput(TableTracker tracker, CsvTableSink? csv, SqliteWriterQueue? queue) : IDisposable
{
    private readonly ContentHasher _hasher = new();
    private long _produced;

    public TableTracker Tracker => tracker;

    /// <summary>Hashes and writes rows in order; must not be called concurrently for one table.</summary>
    public async ValueTask WriteAsync(IRow[] rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            _hasher.AddRow(row);
            csv?.Write(row);
        }

        _produced += rows.Length;
        if (queue is not null)
        {
            await queue.EnqueueAsync(new WriteBatch(tracker.Table, rows, tracker.Add), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            tracker.Add(rows.Length);
        }
    }

    /// <summary>Closes the CSV file, waits until SQLite has every row, and returns the table's manifest entry.</summary>
    public async Task<TableManifest> CompleteAsync(CancellationToken cancellationToken)
    {
        csv?.Dispose();
        csv = null;
        tracker.ProducedAll(_produced);
        await tracker.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        tracker.Finish(TableState.Completed);
        return new TableManifest(tracker.Table.Name, tracker.Table.CsvFile, _produced, _hasher.Finish(), Math.Round(tracker.Seconds, 3));
    }

    public void Dispose()
    {
        csv?.Dispose();
        _hasher.Dispose();
    }
}
