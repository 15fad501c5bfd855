using System.Threading.Channels;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Quality;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Writes simulated days to the fact tables' outputs. SQLite is the slowest consumer and has a single thread,
/// so it is handed a day's batches at once, while the quality checks, the realism meter, the content hashes
/// and the CSV files follow on another thread. A batch is let go as soon as both sides have passed it, so a
/// day's memory drains while it is written, and the next day is simulated into the space it frees: the simulation
/// waits until half of the day being written has been let go (<paramref name="halfReleased"/> tells it, once a day).
/// Once the last day's batches are handed to SQLite, <paramref name="lastDayPublished"/> runs (the database queues its
/// index build behind them), so the index sort overlaps the recording of that day instead of waiting for it.
/// </summary>
internal sealed class FactDayWriter(
    IReadOnlyDictionary<TableInfo, TableOutput> outputs,
    FactQualityChecker checker,
    RealismMeter realism,
    int batchSize,
    Action<TableInfo, long>? afterBatch,
    Action halfReleased,
    Func<CancellationToken, ValueTask> lastDayPublished
)
{
    /// <summary>Writes every day the reader yields, in order.</summary>
    public async Task WriteAllAsync(ChannelReader<FactDay> days, CancellationToken cancellationToken)
    {
        while (await days.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await WriteNextAsync(days, cancellationToken).ConfigureAwait(false);
        }
    }

    // Not async on purpose: the day is not kept in a state machine while it is written, only in its batches.
    private Task WriteNextAsync(ChannelReader<FactDay> days, CancellationToken cancellationToken) =>
        days.TryRead(out var day)
            ? WriteAsync(new DayInFlight(day, batchSize, halfReleased), cancellationToken)
            : Task.CompletedTask;

    private async Task WriteAsync(DayInFlight day, CancellationToken cancellationToken)
    {
        var record = Task.Run(() => Record(day, cancellationToken), cancellationToken);
        try
        {
            for (var i = 0; i < day.Count; i++)
            {
                var (table, rows, end) = day.Batch(i);
                await outputs[table].PublishAsync(rows, cancellationToken).ConfigureAwait(false);
                day.Passed(i);
                afterBatch?.Invoke(table, end);
            }

            if (day.IsLast)
            {
                await lastDayPublished(cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            // Never leave the recording thread on a CSV file that is about to be disposed; the first failure is
            // the one reported.
            await record.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await record.ConfigureAwait(false);
    }

    private void Record(DayInFlight day, CancellationToken cancellationToken)
    {
        var whole = day.TakeDay();
        checker.Check(whole);
        realism.Observe(whole);
        for (var i = 0; i < day.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (table, rows, _) = day.Batch(i);
            outputs[table].Record(rows);
            day.Passed(i);
        }
    }

    /// <summary>One day cut into batches, each released once both consumers have passed it.</summary>
    private sealed class DayInFlight
    {
        private const int Consumers = 2;
        private readonly TableInfo[] _tables;
        private readonly IRow[]?[] _rows;
        private readonly int[] _ends;
        private readonly int[] _pending;
        private readonly Action _halfReleased;
        private int _released;
        private FactDay? _day;

        public DayInFlight(FactDay day, int batchSize, Action halfReleased)
        {
            _day = day;
            IsLast = day.IsLast;
            _halfReleased = halfReleased;
            var batches = new List<(TableInfo Table, IRow[] Rows, int End)>();
            foreach (var table in Tables.Facts)
            {
                var end = 0;
                foreach (var batch in day.Rows[table].Chunk(batchSize))
                {
                    end += batch.Length;
                    batches.Add((table, batch, end));
                }
            }

            _tables = [.. batches.Select(b => b.Table)];
            _rows = [.. batches.Select(b => b.Rows)];
            _ends = [.. batches.Select(b => b.End)];
            _pending = [.. batches.Select(_ => Consumers)];
            if (_rows.Length == 0)
            {
                _halfReleased();
            }
        }

        public int Count => _rows.Length;

        public bool IsLast { get; }

        /// <summary>The whole day, once, for the checks that need it; afterwards only the batches hold the
        /// rows.</summary>
        public FactDay TakeDay() =>
            Interlocked.Exchange(ref _day, null) ?? throw new InvalidOperationException("The day was taken already.");

        public (TableInfo Table, IRow[] Rows, int End) Batch(int index) =>
            (
                _tables[index],
                _rows[index] ?? throw new InvalidOperationException($"Batch {index} was released already."),
                _ends[index]
            );

        public void Passed(int index)
        {
            if (Interlocked.Decrement(ref _pending[index]) == 0)
            {
                _rows[index] = null;
                if (Interlocked.Increment(ref _released) == (_rows.Length + 1) / 2)
                {
                    _halfReleased();
                }
            }
        }
    }
}
