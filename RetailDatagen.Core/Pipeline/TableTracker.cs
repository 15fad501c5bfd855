using System.Diagnostics;
using RetailDatagen.Core.Generation;

namespace RetailDatagen.Core.Pipeline;

/// <summary>Counts one table's written rows and reports them; completes when every planned row is in.</summary>
internal sealed class TableTracker(ITableGenerator generator, IProgress<TableProgress>? progress)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Stopwatch _clock = new();
    private long _written;

    public ITableGenerator Generator => generator;

    public long Planned { get; } = generator.RowCount;

    public TableState State { get; private set; } = TableState.Pending;

    public double Seconds => _clock.Elapsed.TotalSeconds;

    public Task Completion => _done.Task;

    public void Start()
    {
        _clock.Start();
        Report(TableState.Running);
        if (Planned == 0)
        {
            _done.TrySetResult();
        }
    }

    public void Add(int rows)
    {
        var written = Interlocked.Add(ref _written, rows);
        Report(TableState.Running);
        if (written >= Planned)
        {
            _done.TrySetResult();
        }
    }

    public void Finish(TableState state)
    {
        _clock.Stop();
        Report(state);
    }

    public void Report(TableState state)
    {
        State = state;
        progress?.Report(new TableProgress(
            generator.Table.Name, generator.Table.Title, generator.Table.Stage,
            Interlocked.Read(ref _written), Planned, state, _clock.Elapsed.TotalSeconds));
    }
}
