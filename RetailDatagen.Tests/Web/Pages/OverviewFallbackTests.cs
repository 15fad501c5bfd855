using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Insights;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Results;

namespace RetailDatagen.Tests.Web.Pages;

/// <summary>The Overview of runs with and without stored aggregates, and of a CSV-only run.</summary>
public sealed class OverviewFallbackTests : MudTestContext
{
    [Fact]
    public async Task Overview_OfAnOlderRunWithoutStoredAggregates_ComputesThemFromTheDatabase()
    {
        var manifest = await TestRuns.WriteAsync(OutputRoot);
        var folder = Path.Combine(OutputRoot, manifest.RunId);
        File.Delete(Path.Combine(folder, StoredOverview.FileName));
        var older = manifest with { Files = [.. manifest.Files.Where(f => f.Path != StoredOverview.FileName)] };
        await File.WriteAllTextAsync(
            Path.Combine(folder, RunManifest.FileName),
            older.ToJson(),
            Xunit.TestContext.Current.CancellationToken
        );

        var page = Open(manifest.RunId);

        using var db = TestRuns.Open(folder);
        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    db.Scalar("SELECT COUNT(*) FROM fact_receipts")
                        .ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    page.Find("[data-testid=headline-receipts] .rd-headline-value").TextContent.Trim()
                ),
            TimeSpan.FromSeconds(30)
        );
        Assert.NotNull(page.Find("[data-testid=chart-top-products]"));
    }

    [Fact]
    public async Task Overview_OfACsvOnlyRun_ShowsTheStoredAggregates()
    {
        var manifest = await TestRuns.WriteAsync(OutputRoot, TestRuns.Tiny with { Format = OutputFormat.Csv });
        var stored = StoredOverview.TryRead(Path.Combine(OutputRoot, manifest.RunId, StoredOverview.FileName))!;

        var page = Open(manifest.RunId);

        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    stored.Receipts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                    page.Find("[data-testid=headline-receipts] .rd-headline-value").TextContent.Trim()
                ),
            TimeSpan.FromSeconds(30)
        );
        Assert.False(page.Find("[data-testid=section-overview]").ClassList.Contains("mud-disabled"));
    }

    private IRenderedComponent<ResultsPage> Open(string runId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/{runId}/results");
        return Render<ResultsPage>(p => p.Add(x => x.RunId, runId));
    }
}
