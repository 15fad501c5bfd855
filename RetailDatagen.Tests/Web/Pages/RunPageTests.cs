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

        Assert.Equal(
            $"3/{Tables.All.Count} tables complete",
            page.Find("[data-testid=tables-complete]").TextContent.Trim()
        );
        Assert.Equal("Running", page.Find("[data-testid=run-status]").TextContent.Trim());
        for (var i = 0; i < Tables.All.Count; i++)
        {
            var expected =
                i < 3 ? "Completed"
                : i == 3 ? "Running"
                : "Pending";
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

        page.WaitForAssertion(() =>
            Assert.Equal(
                $"4/{Tables.All.Count} tables complete",
                page.Find("[data-testid=tables-complete]").TextContent.Trim()
            )
        );
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

        dialogs.WaitForAssertion(() =>
            Assert.DoesNotContain("Cancel this run?", dialogs.Markup, StringComparison.Ordinal)
        );
        Assert.Empty(Coordinator.Cancelled);
    }

    [Fact]
    public async Task CancelledRun_SaysNoOutputWasKept()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 2, runningRows: 0) with { Status = RunStatus.Cancelled });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Contains(
            "no output was kept",
            page.Find("[data-testid=cancelled-message]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Empty(page.FindAll("[data-testid=cancel-run]"));
        Assert.Empty(page.FindAll("[data-testid=run-summary]"));
    }

    [Fact]
    public async Task QueuedRun_ShowsItsPlaceInTheQueue()
    {
        await Coordinator.PublishAsync(
            Snapshot(completed: 0, runningRows: 0) with
            {
                Status = RunStatus.Queued,
                QueuePosition = 2,
                StartedAt = null,
            }
        );

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal("Queued", page.Find("[data-testid=run-status]").TextContent.Trim());
        Assert.Contains("position 2", page.Find("[data-testid=queued-message]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletedRun_ShowsTheSummaryAndTheWayToItsResults()
    {
        await Coordinator.PublishAsync(
            Snapshot(completed: 8, runningRows: 0) with
            {
                Status = RunStatus.Completed,
                ElapsedSeconds = 75,
                OutputBytes = 5 * 1024 * 1024,
            }
        );

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

        page.WaitForAssertion(() =>
            Assert.Equal(
                $"6/{Tables.All.Count} tables complete",
                page.Find("[data-testid=tables-complete]").TextContent.Trim()
            )
        );
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

    [Fact]
    public async Task FinishingWork_ShowsEachPhaseWithItsOwnBar_AndTheOverallBarStaysBelowFullUntilDone()
    {
        var finishing = Snapshot(completed: Tables.All.Count, runningRows: 0) with
        {
            Phases = PhasesAt(RunPhase.CheckingKeys, 0.5),
            EtaSeconds = 2.5,
        };
        await Coordinator.PublishAsync(finishing);

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal("Completed", page.Find("[data-testid=phase-state-Generating]").TextContent.Trim());
        Assert.Equal("Completed", page.Find("[data-testid=phase-state-BuildingIndexes]").TextContent.Trim());
        Assert.Equal("Running", page.Find("[data-testid=phase-state-CheckingKeys]").TextContent.Trim());
        Assert.Equal("Pending", page.Find("[data-testid=phase-state-Committing]").TextContent.Trim());
        Assert.Equal("Now: Checking foreign keys", page.Find("[data-testid=current-phase]").TextContent.Trim());
        Assert.Equal(
            "Checking foreign keys progress",
            page.Find("[data-testid=phase-CheckingKeys] [role=progressbar]").GetAttribute("aria-label")
        );
        var overall = double.Parse(
            page.Find("[data-testid=overall-progress]").GetAttribute("aria-valuenow")!,
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.InRange(overall, 90, 99);
        Assert.NotEqual("100%", page.Find("[data-testid=overall-percent]").TextContent.Trim());
        Assert.Contains("ETA 2.5 s", page.Find("[data-testid=overall-eta]").TextContent, StringComparison.Ordinal);

        await Coordinator.PublishAsync(
            finishing with
            {
                Status = RunStatus.Completed,
                Phases = PhasesAt(null, 1),
                EtaSeconds = null,
            }
        );

        page.WaitForAssertion(() =>
            Assert.Equal("100%", page.Find("[data-testid=overall-percent]").TextContent.Trim())
        );
        Assert.DoesNotContain("ETA", page.Find("[data-testid=overall-eta]").TextContent, StringComparison.Ordinal);
        Assert.Contains(
            "Run completed",
            page.Find("[data-testid=run-state-announcement]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task EtaWithoutAMeaningfulRate_ReadsEstimating_AndTablesShowStageNamesAndNoRateBeforeASecond()
    {
        var snapshot = Snapshot(completed: 3, runningRows: 4_000);
        var tables = snapshot.Tables.ToList();
        tables[3] = tables[3] with { ElapsedSeconds = 0.4 };
        await Coordinator.PublishAsync(snapshot with { Tables = tables, EtaSeconds = null });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Contains("ETA estimating", page.Find("[data-testid=overall-eta]").TextContent, StringComparison.Ordinal);
        Assert.Equal("–", page.Find($"[data-testid=rate-{Tables.All[3].Name}]").TextContent.Trim());
        Assert.Equal("–", page.Find($"[data-testid=eta-{Tables.All[3].Name}]").TextContent.Trim());
        Assert.Equal("Geography", page.Find($"[data-testid=stage-{Tables.Geographies.Name}]").TextContent.Trim());
        Assert.Equal("Daily facts", page.Find($"[data-testid=stage-{Tables.Receipts.Name}]").TextContent.Trim());
        Assert.All(
            page.FindAll("[role=progressbar]"),
            bar => Assert.False(string.IsNullOrWhiteSpace(bar.GetAttribute("aria-label")))
        );
    }

    [Fact]
    public async Task CompletedTable_ShowsAFullBarEvenWhenItWroteFewerRowsThanPlanned()
    {
        var snapshot = Snapshot(completed: 3, runningRows: 4_000);
        var tables = snapshot.Tables.ToList();
        tables[0] = tables[0] with { RowsWritten = 4_000 };
        await Coordinator.PublishAsync(snapshot with { Tables = tables });

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        Assert.Equal("100", page.Find($"[data-testid=bar-{Tables.All[0].Name}]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public async Task PageTitle_NamesTheRunWithItsPresetSeedAndStatus()
    {
        await Coordinator.PublishAsync(Snapshot(completed: 3, runningRows: 4_000));

        var page = Render<RunPage>(p => p.Add(x => x.RunId, RunId));

        var title = Render(page.FindComponent<Microsoft.AspNetCore.Components.Web.PageTitle>().Instance.ChildContent!);
        Assert.Equal(
            $"Run {RunId} ({TestRuns.Tiny.Preset}, seed {TestRuns.Tiny.Seed}) · Running · RetailDatagen",
            title.Markup.Trim()
        );
    }

    /// <summary>Phases before <paramref name="running"/> completed, it at <paramref name="fraction"/>, the rest pending
    /// (null: all completed).</summary>
    private static IReadOnlyList<PhaseSnapshot> PhasesAt(RunPhase? running, double fraction) =>
        [
            .. PhaseSnapshot
                .PlannedFor(TestRuns.Tiny)
                .Select(p =>
                    running is null || p.Phase < running
                        ? p with
                        {
                            State = TableState.Completed,
                            Fraction = 1,
                            ElapsedSeconds = 1,
                        }
                    : p.Phase == running
                        ? p with
                        {
                            State = TableState.Running,
                            Fraction = fraction,
                            ElapsedSeconds = 0.5,
                        }
                    : p
                ),
        ];

    /// <summary>Every table planned at 10,000 rows: <paramref name="completed"/> done, the next one part-way, the rest
    /// pending.</summary>
    private static RunSnapshot Snapshot(int completed, long runningRows) =>
        new()
        {
            RunId = RunId,
            Status = RunStatus.Running,
            Options = TestRuns.Tiny,
            QueuedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero),
            StartedAt = new DateTimeOffset(2025, 1, 1, 12, 0, 1, TimeSpan.Zero),
            ElapsedSeconds = 10,
            Tables =
            [
                .. Tables.All.Select(
                    (t, i) =>
                        new TableSnapshot(
                            t.Name,
                            t.Title,
                            t.Stage,
                            i < completed ? TableState.Completed
                                : i == completed ? TableState.Running
                                : TableState.Pending,
                            i < completed ? 10_000
                                : i == completed ? runningRows
                                : 0,
                            10_000,
                            i <= completed ? 2 : 0
                        )
                ),
            ],
        };
}
