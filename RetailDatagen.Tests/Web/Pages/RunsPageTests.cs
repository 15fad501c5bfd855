using System.Globalization;
using Bunit;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Runs;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Pages;

public sealed class RunsPageTests : MudTestContext
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Render_ListsRunFoldersAndFailedRunsWithTheirDetailsAndLinks()
    {
        var cli = await TestRuns.WriteAsync(
            OutputRoot,
            TestRuns.Tiny with
            {
                Seed = 1234,
            },
            Monday,
            folderName: "from-the-cli"
        );
        await Coordinator.PublishAsync(
            new RunSnapshot
            {
                RunId = "20250304-090000-dead",
                Status = RunStatus.Failed,
                Options = TestRuns.Tiny,
                Tables = [],
                QueuedAt = Monday.AddDays(1),
                Error = "The disk is full.",
            }
        );

        var page = Render<RunsPage>();

        var rows = page.FindAll("[data-testid=runs-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Failed", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("The disk is full.", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Empty(rows[0].QuerySelectorAll("[data-testid=download-db]"));

        var done = page.Find($"[data-testid=run-{cli.RunId}]");
        Assert.Contains("Completed", done.TextContent, StringComparison.Ordinal);
        Assert.Contains("1234", done.TextContent, StringComparison.Ordinal);
        Assert.Contains(
            cli.TotalRows.ToString("N0", CultureInfo.InvariantCulture),
            done.TextContent,
            StringComparison.Ordinal
        );
        Assert.Contains("2025-03-03 09:00:00 UTC", done.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            $"/downloads/{cli.RunId}/retail.db",
            done.QuerySelector("[data-testid=download-db]")!.GetAttribute("href")
        );
        Assert.Equal(
            $"/downloads/{cli.RunId}/csv.zip",
            done.QuerySelector("[data-testid=download-csv-zip]")!.GetAttribute("href")
        );
        Assert.Contains(done.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/runs/{cli.RunId}/results");
    }

    [Fact]
    public void Render_NoRuns_SaysHowToMakeOne()
    {
        var page = Render<RunsPage>();

        Assert.Contains("No runs yet", page.Find("[data-testid=no-runs]").TextContent, StringComparison.Ordinal);
        Assert.Contains(
            "newest 20 finished runs are kept",
            page.Find("[data-testid=runs-caption]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Delete_Confirmed_RemovesTheRunFolderAndItsLine()
    {
        var run = await TestRuns.WriteAsync(OutputRoot, startedAt: Monday);
        var dialogs = RenderProviders();
        var page = Render<RunsPage>();

        page.Find($"[data-testid=delete-{run.RunId}]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("cannot be undone", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-runs]")));
        Assert.False(Directory.Exists(Path.Combine(OutputRoot, run.RunId)));
    }

    [Fact]
    public async Task Delete_Declined_KeepsTheRun()
    {
        var run = await TestRuns.WriteAsync(OutputRoot, startedAt: Monday);
        var dialogs = RenderProviders();
        var page = Render<RunsPage>();

        page.Find($"[data-testid=delete-{run.RunId}]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("cannot be undone", dialogs.Markup, StringComparison.Ordinal));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Keep").Click();

        dialogs.WaitForAssertion(() =>
            Assert.DoesNotContain("cannot be undone", dialogs.Markup, StringComparison.Ordinal)
        );
        Assert.True(File.Exists(Path.Combine(OutputRoot, run.RunId, RunManifest.FileName)));
        Assert.NotNull(page.Find($"[data-testid=run-{run.RunId}]"));
    }

    [Fact]
    public async Task ActiveRun_HasNoDeleteButtonAndAppearsWhenQueued()
    {
        var page = Render<RunsPage>();

        await Coordinator.PublishAsync(
            new RunSnapshot
            {
                RunId = "20250304-090000-beef",
                Status = RunStatus.Queued,
                Options = TestRuns.Tiny,
                Tables = [],
                QueuedAt = Monday,
                QueuePosition = 1,
            }
        );

        page.WaitForAssertion(() =>
            Assert.Contains(
                "Queued",
                page.Find("[data-testid=run-20250304-090000-beef]").TextContent,
                StringComparison.Ordinal
            )
        );
        Assert.Empty(page.FindAll("[data-testid=delete-20250304-090000-beef]"));
    }
}
