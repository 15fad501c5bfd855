using Bunit;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Run;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Pages;

public sealed class RunPageTests : MudTestContext
{
    private const string RunId = "20250101-120000-abcd";

    [Fact]
    public async Task Render_RunningSnapshot_ShowsEveryTablesStateRowsAndTheOverallCount()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 3, runningRows: 4_000));

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal($"3/{Tables.All.Count} tables complete", page.Find("[data-testid=tables-complete]").TextContent.Trim());
        Assert.Equal("Running", page.Find("[data-testid=run-status]").TextContent.Trim());
        for (var i = 0; i < Tables.All.Count; i++)
        {
            var expected = i < 3 ? "Completed" : i == 3 ? "Running" : "Pending";
            Assert.Equal(expected, page.Find($"[data-testid=state-{Tables.All[i].Name}]").TextContent.Trim());
        }

        Assert.Equal("4,000 / 10,000", page.Find($"[data-testid=rows-{Tables.All[3].Name}]").TextContent.Trim());
        Assert.Contains("ETA", page.Find("[data-testid=overall-eta]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=cancel-run]"));
    }

    [Fact]
    public async Task NewSnapshot_IsShownWithoutReload()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 3, runningRows: 4_000));
        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        await Coordinator.PublishAsync(Snapshot(completed: 4, runningRows: 9_000));

        page.WaitForAssertion(() => Assert.Equal($"4/{Tables.All.Count} tables complete", page.Find("[data-testid=tables-complete]").TextContent.Trim()));
        Assert.Equal("9,000 / 10,000", page.Find($"[data-testid=rows-{Tables.All[4].Name}]").TextContent.Trim());
        Assert.Equal("Completed", page.Find($"[data-testid=state-{Tables.All[3].Name}]").TextContent.Trim());
    }

    [Fact]
    public async Task Cancel_Confirmed_CancelsTheRun()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 1, runningRows: 10));
        var dialogs = RenderProviders();
        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        page.Find("[data-testid=cancel-run]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Cancel this run?", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel run").Click();

        page.WaitForAssertion(() => Assert.Equal([RunId], Coordinator.Cancelled));
    }

    [Fact]
    public async Task Cancel_Declined_KeepsTheRunGoing()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 1, runningRows: 10));
        var dialogs = RenderProviders();
        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        page.Find("[data-testid=cancel-run]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Keep running", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep running").Click();

        dialogs.WaitForAssertion(() => Assert.DoesNotContain("Cancel this run?", dialogs.Markup, StringComparison.Ordinal));
        Assert.Empty(Coordinator.Cancelled);
    }

    [Fact]
    public async Task CancelledRun_SaysNoOutputWasKept()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 2, runningRows: 0) with { Status = RunStatus.Cancelled });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Contains("no output was kept", page.Find("[data-testid=cancelled-message]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
        Assert.Empty(page.FindAll("[data-testid=run-summary]"));
    }

    [Fact]
    public async Task QueuedRun_ShowsItsPlaceInTheQueue()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 0, runningRows: 0) with { Status = RunStatus.Queued, QueuePosition = 2, StartedAt = null });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal("Queued", page.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Contains("position 2", page.Find("[data-testid=queued-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletedRun_ShowsTheSummaryAndTheWayToItsResults()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 8, runningRows: 0) with { Status = RunStatus.Completed, ElapsedSeconds = 75, OutputBytes = 5 * 1024 * 1024 });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal("1 min 15 s", page.Find("[data-testid=summary-elapsed]").TextContent.Trim());
        Assert.Equal("80,000", page.Find("[data-testid=summary-rows]").TextContent.Trim());
        Assert.Equal("5.0 MB", page.Find("[data-testid=summary-size]").TextContent.Trim());
        Assert.Equal($"/runs/{RunId}/results", page.Find("[data-testid=open-results]").GetAttribute("href"));
        Assert.Equal($"/downloads/{RunId}/retail.db", page.Find("[data-testid=download-db]").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
    }

    [Fact]
    public void UnknownRun_SaysSo()
    {
        var page = Render<RunPage>(p => p.Add(x => x.RunId, "20250101-000000-0000"));

        Assert.NotNull(page.Find("[data-testid=run-not-found]"));
    }

    [Fact]
    public async Task AnotherRunId_FollowsThatRunInstead()
    {
        const string other = "20250101-130000-beef";
        await Coordinator.PublishAsync(Snapshot(completed: 2, runningRows: 10));
        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        page.Render(p => p.Add(x => x.RunId, other));
        await Coordinator.PublishAsync(Snapshot(completed: 6, runningRows: 10) with { RunId = other });
        await Coordinator.PublishAsync(Snapshot(completed: 1, runningRows: 10));

        page.WaitForAssertion(() => Assert.Equal($"6/{Tables.All.Count} tables complete", page.Find("[data-testid=tables-complete]").TextContent.Trim()));
        Assert.Equal(1, Coordinator.SubscriberCount);
    }

    [Fact]
    public void Dispose_StopsListeningForSnapshots()
    {
        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));
        Assert.Equal(1, Coordinator.SubscriberCount);

        page.Instance.Dispose();

        Assert.Equal(0, Coordinator.SubscriberCount);
    }

    /// <summary>Every table planned at 10,000 rows: <paramref name="completed"/> done, the next one part-way, the rest pending.</summary>
    private static RunSnapshot Snapshot(int completed, long runningRows) => new()
    {
        RunId = RunId,
        Status = RunStatus.Running,
        Options = TestRuns.Tiny,
        QueuedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
        StartedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 1, TimeSpan.Zero),
        ElapsedSeconds = 10,
        Tables = [.. Tables.All.Select((t, i) => new TableSnapshot(t.Name, t.Title, t.Stage,
            i < completed ? TableState.Completed : i == completed ? TableState.Running : TableState.Pending,
            i < completed ? 10_000 : i == completed ? runningRows : 0, 10_000, i <= completed ? 2 : 0))],
    };
}
