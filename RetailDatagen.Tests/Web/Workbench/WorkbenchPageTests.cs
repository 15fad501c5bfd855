using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Sql;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Pages.Results;

namespace RetailDatagen.Tests.Web.Workbench;

/// <summary>The Results page's workbench parts (grid filters, facets, keys, profile, SQL, dictionary) in
/// bUnit.</summary>
public sealed class WorkbenchPageTests(SmallDataset dataset) : MudTestContext(dataset.OutputRoot)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public void Grid_FilterInTheUrl_ShowsOnlyMatchingRowsWithTheirCountAndAChip()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var expected = db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE TenderType = 'CASH' AND Total >= 50");

        var page = Open("?table=fact_receipts&f=TenderType~eq~CASH&f=Total~ge~50");

        page.WaitForAssertion(
            () => Assert.StartsWith($"{N(expected)} matching rows", Status(page), StringComparison.Ordinal),
            Wait
        );
        Assert.Equal(
            ["TenderType = CASH", "Total ≥ 50"],
            page.FindAll("[data-testid=filter-chip]").Select(c => c.TextContent.Trim())
        );
        var tender = Tables.Receipts.Columns.ToList().IndexOf("TenderType") + 1; // after the expand column
        Assert.All(
            page.FindAll("[data-testid=results-grid] tbody tr.mud-table-row"),
            r => Assert.Equal("CASH", r.QuerySelectorAll("td")[tender].TextContent.Trim())
        );
        Assert.Contains(
            "filter=TenderType~eq~CASH",
            page.Find("[data-testid=export-view]").GetAttribute("href"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Grid_FacetValueClicked_FiltersOnIt()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var page = Open("?table=dim_products");
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=facet-Department]")), Wait);
        var top = db.Rows("SELECT Department, COUNT(*) FROM dim_products GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1")[0];

        await page.InvokeAsync(() => page.Find("[data-testid=facet-Department] .mud-chip").Click());

        page.WaitForAssertion(
            () => Assert.StartsWith($"{N((long)top[1]!)} matching rows", Status(page), StringComparison.Ordinal),
            Wait
        );
        Assert.Equal($"Department = {top[0]}", page.Find("[data-testid=filter-chip]").TextContent.Trim());

        // The address follows the view in the page's next step, which can come just after the rows are shown.
        page.WaitForAssertion(
            () =>
                Assert.Contains(
                    $"f=Department~eq~{Uri.EscapeDataString((string)top[0]!)}",
                    Services.GetRequiredService<NavigationManager>().Uri,
                    StringComparison.Ordinal
                ),
            Wait
        );
    }

    [Fact]
    public void Grid_SortButtons_AreNamedByColumn_AndMoneyIsRightAlignedWithCents()
    {
        var page = Open("?table=dim_products");
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll("[data-testid=results-grid] tbody tr").Count), Wait);

        Assert.Equal(
            Tables.Products.Columns.Select(c => $"Sort by {c}"),
            page.FindAll("[data-testid=results-grid] thead button.grid-sort").Select(b => b.GetAttribute("aria-label"))
        );
        var price = Tables.Products.Columns.ToList().IndexOf("SalePrice");
        var cell = page.FindAll("[data-testid=results-grid] tbody tr")[0].QuerySelectorAll("td")[price];
        Assert.Contains("grid-number", cell.ClassName, StringComparison.Ordinal);
        Assert.Matches(@"^\d{1,3}(,\d{3})*\.\d{2}$", cell.TextContent.Trim());
        Assert.Contains(
            page.FindComponents<MudBlazor.MudTooltip>(),
            t => t.Instance.Text == "Shelf price. · Unit: USD"
        );
    }

    [Fact]
    public async Task Grid_ForeignKey_ShowsTheLabelAndOpensTheRowWithItsRelatedRows()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var page = Open("?table=dim_stores");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=fk-label]")), Wait);
        var geography = db.Rows(
            "SELECT g.ID, g.City, g.State FROM dim_stores s JOIN dim_geographies g ON g.ID = s.GeographyID WHERE "
                + "s.ID = 1"
        )[0];
        var firstRow = page.FindAll("[data-testid=results-grid] tbody tr")[0];
        Assert.Contains($"{geography[1]}, {geography[2]}", firstRow.TextContent, StringComparison.Ordinal);

        await page.InvokeAsync(() =>
            page.FindAll("[data-testid=results-grid] tbody tr")[0].QuerySelector("[data-testid=fk-link]")!.Click()
        );

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=row-values]")), Wait);
        Assert.Contains(
            $"Geographies · ID {geography[0]}",
            page.Find("[data-testid=row-panel]").TextContent,
            StringComparison.Ordinal
        );
        var customers = db.Scalar($"SELECT COUNT(*) FROM dim_customers WHERE GeographyID = {geography[0]}");
        Assert.Contains(
            $"Customers with GeographyID = {geography[0]}",
            page.Find("[data-testid=related-dim_customers]").TextContent,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"{N(customers)} rows",
            page.Find("[data-testid=related-rows]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Grid_Profile_ShowsEveryColumnWithNullsAndDistinct()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var page = Open("?table=dim_stores");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=results-grid] tbody tr")), Wait);

        await page.InvokeAsync(() => page.Find("[data-testid=profile-toggle]").Click());

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=profile-table]")), Wait);
        var row = page.Find("[data-testid=profile-DCID]")
            .QuerySelectorAll("td")
            .Select(c => c.TextContent.Trim())
            .ToList();
        Assert.Equal("integer", row[0]);
        Assert.Equal("0", row[1]);
        Assert.Equal(N(db.Scalar("SELECT COUNT(DISTINCT DCID) FROM dim_stores")), row[2]);
    }

    [Fact]
    public async Task Receipts_ExpandingTwoRows_ShowsEachReceiptsOwnLines()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var page = Open("?table=fact_receipts");
        page.WaitForAssertion(
            () => Assert.Equal(25, page.FindAll("[data-testid=results-grid] tbody tr.mud-table-row").Count),
            Wait
        );
        var rows = page.FindAll("[data-testid=results-grid] tbody tr.mud-table-row");
        var second = rows[1].QuerySelectorAll("td")[1].TextContent.Trim();

        await page.InvokeAsync(() =>
            page.FindAll("[data-testid=results-grid] tbody tr.mud-table-row")[1].QuerySelector("button")!.Click()
        );

        page.WaitForAssertion(
            () =>
                Assert.Equal(
                    db.Scalar($"SELECT COUNT(*) FROM fact_receipt_lines WHERE ReceiptId = '{second}'"),
                    page.FindAll("[data-testid=lines-table] tbody tr").Count
                ),
            Wait
        );
        Assert.Contains(
            $"Lines of {second}",
            page.Find("[data-testid=lines-panel]").TextContent,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Sql_QueryInTheUrl_RunsAndShowsRowsCountAndTime()
    {
        var sql = "SELECT ID, StoreNumber FROM dim_stores ORDER BY ID";

        var page = Open($"?section=sql&sql={Uri.EscapeDataString(sql)}");

        page.WaitForAssertion(
            () =>
                Assert.Matches(
                    $@"^{SmallDataset.Options.Stores} rows · \d+ ms$",
                    page.Find("[data-testid=sql-status]").TextContent.Trim()
                ),
            Wait
        );
        Assert.Equal(
            ["ID", "StoreNumber"],
            page.FindAll("[data-testid=sql-grid] thead th").Select(h => h.TextContent.Trim()).Where(t => t.Length > 0)
        );
        Assert.Equal("1", page.Find("[data-testid=sql-grid] tbody td").TextContent.Trim());
        Assert.Contains(
            "format=csv",
            page.Find("[data-testid=sql-export-csv]").GetAttribute("href"),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Sql_SlowQuery_ShowsItsFirstRowWhileRunning_AndCancelKeepsIt()
    {
        // One row, then a scan that never finds another (the time limit is far away).
        Services.AddSingleton(new SqlConsole(new SqlConsoleOptions { TimeLimit = TimeSpan.FromMinutes(5) }));
        const string sql =
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r WHERE x = 1 OR x < 0";
        var page = Open($"?section=sql&sql={Uri.EscapeDataString(sql)}");

        page.WaitForAssertion(() => Assert.Equal("Running… first row shown", SqlStatus(page)), Wait);
        Assert.Equal("1", page.Find("[data-testid=sql-grid] tbody td").TextContent.Trim());
        await page.InvokeAsync(() => page.Find("[data-testid=sql-cancel]").Click());

        page.WaitForAssertion(() => Assert.Equal("Cancelled after 1 row.", SqlStatus(page)), Wait);
        Assert.Equal("1", page.Find("[data-testid=sql-grid] tbody td").TextContent.Trim());
    }

    [Fact]
    public async Task Sql_ExampleButton_RunsTheExampleAndPutsItInTheUrl()
    {
        var example = ExampleQueries.Find("tender-mix")!;
        var page = Open("?section=sql");

        await page.InvokeAsync(() => page.Find($"[data-testid=example-{example.Id}]").Click());

        page.WaitForAssertion(
            () =>
                Assert.StartsWith(
                    "4 rows",
                    page.Find("[data-testid=sql-status]").TextContent.Trim(),
                    StringComparison.Ordinal
                ),
            Wait
        );
        Assert.Contains(
            "sql=" + Uri.EscapeDataString(example.Sql),
            Services.GetRequiredService<NavigationManager>().Uri,
            StringComparison.Ordinal
        );
        Assert.Equal(ExampleQueries.All.Count, page.FindAll("[data-testid^=example-]").Count);
    }

    [Fact]
    public void Sql_WriteOrTypo_ShowsTheErrorWithItsPlace()
    {
        var page = Open($"?section=sql&sql={Uri.EscapeDataString("SELECT * FORM dim_stores")}");
        page.WaitForAssertion(
            () =>
                Assert.Contains(
                    "(line 1, column 10)",
                    page.Find("[data-testid=sql-error]").TextContent,
                    StringComparison.Ordinal
                ),
            Wait
        );

        var denied = Open($"?section=sql&sql={Uri.EscapeDataString("DELETE FROM dim_stores")}");
        denied.WaitForAssertion(
            () =>
                Assert.StartsWith(
                    "Not allowed: DELETE",
                    denied.Find("[data-testid=sql-error]").TextContent.Trim(),
                    StringComparison.Ordinal
                ),
            Wait
        );
    }

    [Fact]
    public void Dictionary_ListsEveryTableAndColumnWithMeaningAndReferences()
    {
        var page = Open("?section=dictionary");

        foreach (var table in dataset.Manifest.Tables)
        {
            var block = page.Find($"[data-testid=dictionary-{table.Name}]");
            Assert.Equal(Tables.FindByName(table.Name)!.Columns.Count, block.QuerySelectorAll("tbody tr").Length);
        }

        var stores = page.Find("[data-testid=dictionary-dim_stores]").TextContent;
        Assert.Contains("dim_geographies.ID", stores, StringComparison.Ordinal);
        Assert.Contains(
            "datapackage.json",
            page.Find("[data-testid=download-datapackage]").GetAttribute("href"),
            StringComparison.Ordinal
        );
    }

    private IRenderedComponent<ResultsPage> Open(string query)
    {
        // The live page (a query named by the URL runs only there, not while prerendering).
        Renderer.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/runs/{dataset.RunId}/results{query}");
        return Render<ResultsPage>(p => p.Add(x => x.RunId, dataset.RunId));
    }

    private static string SqlStatus(IRenderedComponent<ResultsPage> page) =>
        page.Find("[data-testid=sql-status]").TextContent.Trim();

    private static string Status(IRenderedComponent<ResultsPage> page) =>
        page.Find("[data-testid=grid-status]").TextContent.Trim();

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
