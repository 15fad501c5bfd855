using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Results;

namespace RetailDatagen.Tests.Web.Pages;

/// <summary>The Results page's overview (charts and map), quality panel and line drill-down, over the real small dataset.</summary>
public sealed class OverviewAndQualityTests(SmallDataset dataset) : MudTestContext(dataset.OutputRoot)
{
    private static readonly string[] Charts =
    [
        "chart-customers-region", "chart-trucks", "chart-products-department", "chart-price-bands", "chart-discounts",
        "chart-sales-day", "chart-sales-hour", "chart-sales-department", "chart-tender", "chart-top-stores", "chart-stockouts", "chart-top-products",
    ];

    [Fact]
    public void Results_OpensOnTheOverview_WithEveryChartTitledAndDrawn()
    {
        var page = Open("");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=overview]")), TimeSpan.FromSeconds(30));
        foreach (var chart in Charts)
        {
            var figure = page.Find($"[data-testid={chart}]");
            Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector("figcaption")!.TextContent), $"{chart} has no title");
            Assert.NotEmpty(figure.QuerySelectorAll("rect.rd-bar, polyline.rd-line"));
            Assert.Contains("(", figure.QuerySelector(".rd-axis-title")!.TextContent, StringComparison.Ordinal);
        }

        Assert.Equal(14, page.Find("[data-testid=chart-sales-day]").QuerySelectorAll("circle").Length);
        Assert.Contains("New Year's Day", page.Find("[data-testid=chart-sales-day]").TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.Find("[data-testid=chart-customers-region]").QuerySelectorAll("rect.rd-bar").Length);
    }

    [Fact]
    public void Overview_HeadlinesMatchTheDatabase_AndStockoutsHaveEveryDayOfTheWindow()
    {
        var page = Open("");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=headlines]")), TimeSpan.FromSeconds(30));

        var receipts = Scalar("SELECT COUNT(*) FROM fact_receipts");
        var revenue = Convert.ToDouble(ScalarObject("SELECT SUM(d) FROM (SELECT ROUND(SUM(Subtotal), 2) AS d FROM fact_receipts GROUP BY substr(EventTS, 1, 10))"),
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(receipts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Headline(page, "receipts"));
        Assert.Equal("$" + revenue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), Headline(page, "revenue"));
        Assert.Equal("$" + (revenue / receipts).ToString("N2", System.Globalization.CultureInfo.InvariantCulture), Headline(page, "basket"));
        Assert.Equal(Scalar("SELECT COUNT(DISTINCT CustomerID) FROM fact_receipts WHERE CustomerID IS NOT NULL").ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Headline(page, "customers"));
        Assert.EndsWith("%", Headline(page, "in-stock"), StringComparison.Ordinal);

        // The small preset's 14 days are all on the axis, with or without stockouts.
        Assert.Equal(14, page.Find("[data-testid=chart-stockouts]").QuerySelectorAll("rect.rd-bar").Length);
    }

    private static string Headline(IRenderedComponent<ResultsPage> page, string name) =>
        page.Find($"[data-testid=headline-{name}] .rd-headline-value").TextContent.Trim();

    [Fact]
    public void NetworkMap_DrawsTheStatesStoresDcsAndTheirServiceLines()
    {
        var page = Open("");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=network-map]")), TimeSpan.FromSeconds(30));
        var map = page.Find("[data-testid=network-map]");

        Assert.Equal(51, map.QuerySelectorAll("path.rd-state").Length);
        Assert.Equal(20, map.QuerySelectorAll("[data-testid=store]").Length);
        var dcs = map.QuerySelectorAll("[data-testid=dc]");
        Assert.Equal(3, dcs.Length);
        Assert.Equal(20, dcs.Sum(dc => dc.QuerySelectorAll("line").Length));
        Assert.Equal(Scalar("SELECT COUNT(DISTINCT GeographyID) FROM dim_customers"), map.QuerySelectorAll("[data-testid=density]").Length);
    }

    [Fact]
    public void QualityTab_ShowsTheCertificateAndReport_AndVerifyConfirmsTheRun()
    {
        var page = Open("");
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Quality").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=quality-panel]")));
        Assert.Equal(dataset.Manifest.GeneratorVersion, page.Find("[data-testid=generator-version]").TextContent.Trim());
        Assert.Contains("checks passed", page.Find("[data-testid=quality-verdict]").TextContent, StringComparison.Ordinal);
        Assert.Equal(dataset.Manifest.Quality.Count, page.FindAll("[data-testid^=quality-]").Count(e => e.TagName == "TR"));

        page.Find("[data-testid=verify]").Click();
        page.WaitForAssertion(() => Assert.StartsWith("Verified:", page.Find("[data-testid=verify-result]").TextContent.Trim(), StringComparison.Ordinal), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task Receipts_SelectingARow_ShowsThatReceiptsLines()
    {
        var page = Open($"?table={Tables.Receipts.Name}");
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=results-grid] tbody tr").Count), TimeSpan.FromSeconds(30));
        var receiptId = page.FindAll("[data-testid=results-grid] tbody tr")[0].QuerySelectorAll("td")[1].TextContent.Trim();

        // The expand button of the row opens its lines directly under it (found and clicked in one renderer step).
        await page.InvokeAsync(() => page.FindAll("[data-testid=results-grid] tbody tr")[0].QuerySelector("button")!.Click());

        page.WaitForAssertion(() => Assert.Equal(
            Scalar($"SELECT COUNT(*) FROM fact_receipt_lines WHERE ReceiptId = '{receiptId}'"),
            page.FindAll("[data-testid=lines-table] tbody tr").Count));
        Assert.Contains($"Lines of {receiptId}", page.Find("[data-testid=lines-panel]").TextContent, StringComparison.Ordinal);
    }

    private IRenderedComponent<ResultsPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/{dataset.RunId}/results{query}");
        return Render<ResultsPage>(p => p.Add(x => x.RunId, dataset.RunId));
    }

    private long Scalar(string sql) => Convert.ToInt64(ScalarObject(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? ScalarObject(string sql)
    {
        using var db = new SqliteConnection($"Data Source={dataset.DatabasePath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
