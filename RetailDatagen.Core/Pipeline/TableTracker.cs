using System.Diagnostics;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Pipeline;

/// <summary>Counts one table's written rows and reports them; completes when every planned row is in.</summary>
internal sealed class TableTracker(TableInfo table, long planned, IProgress<TableProgress>? progress)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = new();
    private readonly Lock _reporting = new();
    private long _written;
    private long _planned = planned;
    private bool _final;

    public TableInfo Table => table;

    public long Planned => Interlocked.Read(ref _planned);

    public long Written => Interlocked.Read(ref _written);

    public TableState State { get; private set; } = TableState.Pending;

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public Task Completion => _done.Task;

    public void Start()
    {
        _clock.Start();
        Report(TableState.Running);
    }

    public void Add(int rows)
    {
        Interlocked.Add(ref _written, rows);
        Report(TableState.Running);
        CheckDone();
    }

    /// <summary>Every row has been produced (for tables whose count is only known at the end).</summary>
    public void ProducedAll(long total)
    {
        Interlocked.Exchange(ref _planned, total);
        Volatile.Write(ref _final, true);
        CheckDone();
    }

    public void Finish(TableState state)
    {
        _clock.Stop();
        Report(state);
    }

    /// <summary>
    /// Reports the table's state, one report at a time. The SQLite writer's last count and the stage's finish come
    /// from two threads: a count that arrives after the table has finished is not reported, so a finished table never
    /// shows as running again.
    /// </summary>
    public void Report(TableState state)
    {
        lock (_reporting)
        {
            var finished = State is TableState.Completed or TableState.Failed or TableState.Cancelled;
            if (state == TableState.Running && finished)
            {
                return;
            }

            State = state;
            progress?.Report(
                new TableProgress(
                    table.Name,
                    table.Title,
                    table.Stage,
                    Written,
                    Planned,
                    state,
                    _clock.Elapsed.TotalSeconds
                )
            );
        }
    }

    private void CheckDone()
    {
        if (Volatile.Read(ref _final) && Written >= Planned)
        {
            _done.TrySetResult();
        }
    }
}
