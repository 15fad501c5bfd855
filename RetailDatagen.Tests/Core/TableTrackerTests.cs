using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.Core;

/// <summary>The progress a table shows: a fact table's count of rows is only known when the simulation ends, and the
/// SQLite writer's last count can arrive after the stage has finished the table.</summary>
public sealed class TableTrackerTests
{
    [Fact]
    public void Tracker_AfterTheTableFinished_NeverReportsItRunningAgain()
    {
        var reports = new List<TableProgress>();
        var tracker = new TableTracker(Tables.Receipts, 100, new Recorder(reports));
        tracker.Start();
        tracker.Add(60);
        tracker.ProducedAll(100);
        tracker.Add(40);
        Assert.True(tracker.Completion.IsCompletedSuccessfully);
        tracker.Finish(TableState.Completed);

        // The writer's report of its last batch, late: the table stays completed.
        tracker.Report(TableState.Running);

        Assert.Equal(
            [TableState.Running, TableState.Running, TableState.Running, TableState.Completed],
            reports.Select(r => r.State)
        );
        Assert.Equal(TableState.Completed, tracker.State);
        Assert.Equal(100, reports[^1].RowsWritten);
    }

    [Fact]
    public void Tracker_UntilEveryRowIsProduced_IsNotComplete()
    {
        var tracker = new TableTracker(Tables.Receipts, 100, null);
        tracker.Start();
        tracker.Add(120);
        Assert.False(tracker.Completion.IsCompleted);

        tracker.ProducedAll(120);

        Assert.True(tracker.Completion.IsCompletedSuccessfully);
    }

    private sealed class Recorder(List<TableProgress> reports) : IProgress<TableProgress>
    {
        public void Report(TableProgress value) => reports.Add(value);
    }
}
