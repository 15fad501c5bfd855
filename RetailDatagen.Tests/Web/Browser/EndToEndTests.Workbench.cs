using Microsoft.Playwright;
using RetailDatagen.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

public sealed partial class EndToEndTests
{
    [Fact]
    public async Task Workbench_RunAQueryFilterAColumnAndFollowAForeignKey()
    {
        SetDefaultExpectTimeout(30_000);
        var manifest = await TestRuns.WriteAsync(app.OutputRoot);
        var context = await app.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
            }
        );
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var results = $"{app.BaseUrl}/runs/{manifest.RunId}/results";

        // SQL: type a query, run it with Ctrl+Enter, see the rows and the count; the query lands in the URL.
        await page.GotoAsync(results + "?section=sql");
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        var editor = page.Locator("textarea[data-testid=sql-editor], [data-testid=sql-editor] textarea");
        await editor.FillAsync("SELECT StoreNumber FROM dim_stores ORDER BY ID");
        await editor.PressAsync("Control+Enter");
        await Expect(page.GetByTestId("sql-status")).ToContainTextAsync($"{TestRuns.Tiny.Stores} rows");
        await Expect(page.GetByTestId("sql-grid").Locator("tbody tr").First).ToContainTextAsync("S000001");
        Assert.Contains("sql=SELECT", Uri.UnescapeDataString(page.Url).Replace('+', ' '), StringComparison.Ordinal);

        // Filter a column through its facet: the count and the URL follow.
        await page.GotoAsync(results + "?table=dim_products");
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("grid-status")).ToContainTextAsync($"{TestRuns.Tiny.Products} rows");
        await page.GetByTestId("facet-Department").Locator(".mud-chip").First.ClickAsync();
        await Expect(page.GetByTestId("filter-chip")).ToContainTextAsync("Department = ");
        await Expect(page.GetByTestId("grid-status")).ToContainTextAsync("matching rows");
        // The URL is updated after the grid re-renders: wait for it rather than read it once.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("f=Department"));

        // Follow a foreign key: a store's geography opens in the row panel with the rows that reference it.
        await page.GotoAsync(results + "?table=dim_stores");
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("fk-label").First).ToContainTextAsync(", ");
        await page.GetByTestId("fk-link").First.ClickAsync();
        await Expect(page.GetByTestId("row-panel")).ToContainTextAsync("Geographies · ID");
        await Expect(page.GetByTestId("related-rows")).ToContainTextAsync("Stores with GeographyID");
        await context.CloseAsync();
    }
}
