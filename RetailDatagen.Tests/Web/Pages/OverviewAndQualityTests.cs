using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Results;

namespace RetailDatagen.Tests.Web.Pages;

/// <summary>The Results page's overview (charts and map), quality panel and line drill-down, over the real small
/// dataset.</summary>
public sealed class OverviewAndQualityTests(SmallDataset dataset) : MudTestContext(dataset.OutputRoot)
{
    private static readonly string[] Charts =
    [
        "chart-customers-region",
        "chart-trucks",
        "chart-products-department",
        "chart-price-bands",
        "chart-discounts",
        "chart-sales-day",
        "chart-sales-hour",
        "chart-sales-department",
        "chart-tender",
        "chart-top-stores",
        "chart-stockouts",
        "chart-top-products",
    ];

    [Fact]
    public void Results_OpensOnTheOverview_WithEveryChartTitledDrawnAndDescribed()
    {
        var page = OpenOverview();

        foreach (var chart in Charts)
        {
            var figure = page.Find($"[data-testid={chart}]");
            Assert.False(
                string.IsNullOrWhiteSpace(figure.QuerySelector("figcaption")!.TextContent),
                $"{chart} has no title"
            );
            Assert.True(
                figure
                    .QuerySelectorAll("path.mud-chart-bar, path.mud-chart-line, path.mud-chart-serie, .rd-ranked-bar")
                    .Length > 0,
                $"{chart} draws nothing"
            );

            // Every chart's data is readable as a table (hidden for charts, visible for the rankings).
            Assert.True(figure.QuerySelectorAll("table tbody tr").Length > 0, $"{chart} has no data table");
        }

        Assert.Equal(
            5,
            page.Find("[data-testid=chart-customers-region]").QuerySelectorAll("path.mud-chart-bar").Length
        );
        Assert.Equal(
            "Sales ($)",
            page.Find("[data-testid=chart-sales-hour] .mud-charts-yaxis[transform]").TextContent.Trim()
        );
        Assert.Equal(
            "Hour (store local time)",
            page.Find("[data-testid=chart-sales-hour] [data-testid=category-axis]").TextContent.Trim()
        );
    }

    [Fact]
    public void Charts_ShowEveryDayOfTheWindow_WithTheHolidaysMarked()
    {
        var page = OpenOverview();

        var salesDays = DataRows(page, "chart-sales-day");
        Assert.Equal(14, salesDays.Count);
        Assert.Equal("2024-01-01 (New Year's Day)", salesDays[0].Label);
        Assert.Contains(
            "2024-01-01 New Year's Day",
            page.Find("[data-testid=chart-sales-day] [data-testid=chart-notes]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Equal(14, DataRows(page, "chart-stockouts").Count);
        Assert.Equal(
            Enumerable
                .Range(0, 14)
                .Select(d =>
                    new DateOnly(2024, 1, 1)
                        .AddDays(d)
                        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                ),
            DataRows(page, "chart-stockouts").Select(r => r.Label)
        );
    }

    [Fact]
    public void CategoryChart_CutsLongAxisLabels_AndShowsTheFullLabelAndValueOnHover()
    {
        var page = OpenOverview();
        var chart = page.Find("[data-testid=chart-sales-department]");
        var rows = DataRows(page, "chart-sales-department");
        var index = rows.FindIndex(r => r.Label.Length > 14);
        Assert.True(index >= 0, "the small dataset has a department name longer than the axis allows");

        var axisLabels = chart.QuerySelectorAll("g.mud-charts-xaxis text").Select(t => t.TextContent).ToList();
        Assert.Equal(rows[index].Label[..13].TrimEnd() + "…", axisLabels[index]);

        // The chart may re-render while it settles: find the bar afresh on every attempt.
        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=chart-sales-department]").QuerySelectorAll("path.mud-chart-bar")[index].MouseOver();
            var tooltip = page.Find("[data-testid=chart-sales-department] g.mud-charts-tooltip").TextContent;
            Assert.Contains(rows[index].Label, tooltip, StringComparison.Ordinal);
            Assert.Contains(rows[index].Values[0], tooltip, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void LineChart_ShowsTheDayAndHolidayOfTheHoveredPoint()
    {
        var page = OpenOverview();
        var days = DataRows(page, "chart-sales-day");

        page.WaitForAssertion(() =>
        {
            page.Find("[data-testid=chart-sales-day]").QuerySelectorAll("circle").Last().MouseOver();
            var tooltip = page.Find("[data-testid=chart-sales-day] g.mud-charts-tooltip").TextContent;
            Assert.Contains(days[^1].Label, tooltip, StringComparison.Ordinal);
            Assert.Contains(days[^1].Values[0], tooltip, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Charts_ShowValues_OnFewBars_OrTheHighestThreeUnderManyBars()
    {
        var page = OpenOverview();

        var regions = DataRows(page, "chart-customers-region");
        Assert.Equal(
            regions.Select(r => r.Values[0]),
            page.Find("[data-testid=chart-customers-region]")
                .QuerySelectorAll("text.mud-chart-value-label")
                .Select(t => t.TextContent)
        );

        var departments = DataRows(page, "chart-sales-department");
        var top = page.Find("[data-testid=chart-sales-department] [data-testid=top-values]")
            .QuerySelectorAll("span[title]");
        Assert.Equal(departments.Take(3).Select(d => d.Label), top.Select(t => t.GetAttribute("title")));
    }

    [Fact]
    public void TruckChart_HasALegendForItsTwoSeries_AndSingleSeriesChartsHaveNone()
    {
        var page = OpenOverview();

        Assert.Equal(
            ["Refrigerated", "Dry"],
            page.Find("[data-testid=chart-trucks]")
                .QuerySelectorAll(".mud-chart-legend-item")
                .Select(l => l.TextContent.Trim())
        );
        Assert.Empty(page.Find("[data-testid=chart-sales-hour]").QuerySelectorAll(".mud-chart-legend-item"));
        Assert.Equal(4, page.Find("[data-testid=chart-tender]").QuerySelectorAll(".mud-chart-legend-item").Length);
        Assert.All(
            page.Find("[data-testid=chart-tender]").QuerySelectorAll(".mud-chart-legend-item"),
            l => Assert.EndsWith("%", l.TextContent.Trim(), StringComparison.Ordinal)
        );
    }

    [Fact]
    public void Rankings_ShowTheFullNamesAndValuesOfTheTopTen()
    {
        var page = OpenOverview();
        var expected = RetailDatagen.Core.Insights.InsightsQueries.Compute(dataset.DatabasePath).TopProducts;

        var rows = page.Find("[data-testid=chart-top-products]").QuerySelectorAll("tbody tr");

        Assert.Equal(10, rows.Length);
        Assert.Equal(expected.Select(p => p.Label), rows.Select(r => r.QuerySelector(".rd-ranked-label")!.TextContent));
        Assert.Equal(
            expected.Select(p => "$" + p.Value.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture)),
            rows.Select(r => r.QuerySelector("td.numeric")!.GetAttribute("title"))
        );
    }

    [Fact]
    public void Overview_HeadlinesMatchTheDatabase()
    {
        var page = OpenOverview();

        var receipts = Scalar("SELECT COUNT(*) FROM fact_receipts");
        var revenue = Convert.ToDouble(
            ScalarObject(
                "SELECT SUM(d) FROM (SELECT ROUND(SUM(Subtotal), 2) AS d FROM fact_receipts GROUP BY substr(EventTS, "
                    + "1, 10))"
            ),
            System.Globalization.CultureInfo.InvariantCulture
        );
        Assert.Equal(
            receipts.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Headline(page, "receipts")
        );
        Assert.Equal(
            "$" + revenue.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Headline(page, "revenue")
        );
        Assert.Equal(
            "$" + (revenue / receipts).ToString("N2", System.Globalization.CultureInfo.InvariantCulture),
            Headline(page, "basket")
        );
        Assert.Equal(
            Scalar("SELECT COUNT(DISTINCT CustomerID) FROM fact_receipts WHERE CustomerID IS NOT NULL")
                .ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Headline(page, "customers")
        );
        Assert.EndsWith("%", Headline(page, "in-stock"), StringComparison.Ordinal);
    }

    private IRenderedComponent<ResultsPage> OpenOverview()
    {
        var page = Open("");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=overview]")), TimeSpan.FromSeconds(30));
        return page;
    }

    /// <summary>The rows of a chart's data table: the full category label and its values as displayed.</summary>
    private static List<(string Label, List<string> Values)> DataRows(
        IRenderedComponent<ResultsPage> page,
        string chart
    ) =>
        [
            .. page.Find($"[data-testid={chart}] [data-testid=chart-data]")
                .QuerySelectorAll("tbody tr")
                .Select(r =>
                    (
                        r.QuerySelector("th")!.TextContent.Trim(),
                        r.QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToList()
                    )
                ),
        ];

    private static string Headline(IRenderedComponent<ResultsPage> page, string name) =>
        page.Find($"[data-testid=headline-{name}] .rd-headline-value").TextContent.Trim();

    [Fact]
    public void NetworkMap_DrawsTheStatesStoresDcsAndTheirServiceLines()
    {
        var page = OpenOverview();
        var map = page.Find("[data-testid=network-map]");

        Assert.Equal(51, map.QuerySelectorAll("path.rd-state").Length);
        Assert.Equal(20, map.QuerySelectorAll("[data-testid=store]").Length);
        var dcs = map.QuerySelectorAll("[data-testid=dc]");
        Assert.Equal(3, dcs.Length);
        Assert.Equal(20, dcs.Sum(dc => dc.QuerySelectorAll("line").Length));
        Assert.Equal(
            Scalar("SELECT COUNT(DISTINCT GeographyID) FROM dim_customers"),
            map.QuerySelectorAll("[data-testid=density]").Length
        );
    }

    [Fact]
    public void QualityTab_ShowsTheCertificateAndReport_AndVerifyConfirmsTheRun()
    {
        var page = Open("");
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Quality").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=quality-panel]")));
        Assert.Equal(
            dataset.Manifest.GeneratorVersion,
            page.Find("[data-testid=generator-version]").TextContent.Trim()
        );
        Assert.Contains(
            "checks passed",
            page.Find("[data-testid=quality-verdict]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Equal(
            dataset.Manifest.Quality.Count,
            page.FindAll("[data-testid^=quality-]").Count(e => e.TagName == "TR")
        );

        page.Find("[data-testid=verify]").Click();
        page.WaitForAssertion(
            () =>
                Assert.StartsWith(
                    "Verified:",
                    page.Find("[data-testid=verify-result]").TextContent.Trim(),
                    StringComparison.Ordinal
                ),
            TimeSpan.FromSeconds(30)
        );
    }

    [Fact]
    public async Task Receipts_SelectingARow_ShowsThatReceiptsLines()
    {
        var page = Open($"?table={Tables.Receipts.Name}");
        page.WaitForAssertion(
            () => Assert.Equal(25, page.FindAll("[data-testid=results-grid] tbody tr").Count),
            TimeSpan.FromSeconds(30)
        );
        var receiptId = page.FindAll("[data-testid=results-grid] tbody tr")[0]
            .QuerySelectorAll("td")[1]
            .TextContent.Trim();

        // The expand button of the row opens its lines directly under it (found and clicked in one renderer step).
        await page.InvokeAsync(() =>
            page.FindAll("[data-testid=results-grid] tbody tr")[0].QuerySelector("button")!.Click()
        );

        page.WaitForAssertion(() =>
            Assert.Equal(
                Scalar($"SELECT COUNT(*) FROM fact_receipt_lines WHERE ReceiptId = '{receiptId}'"),
                page.FindAll("[data-testid=lines-table] tbody tr").Count
            )
        );
        Assert.Contains(
            $"Lines of {receiptId}",
            page.Find("[data-testid=lines-panel]").TextContent,
            StringComparison.Ordinal
        );
    }

    private IRenderedComponent<ResultsPage> Open(string query)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/{dataset.RunId}/results{query}");
        return Render<ResultsPage>(p => p.Add(x => x.RunId, dataset.RunId));
    }

    private long Scalar(string sql) =>
        Convert.ToInt64(ScalarObject(sql), System.Globalization.CultureInfo.InvariantCulture);

    private object? ScalarObject(string sql)
    {
        using var db = new SqliteConnection($"Data Source={dataset.DatabasePath};Mode=ReadOnly;Pooling=False");
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
