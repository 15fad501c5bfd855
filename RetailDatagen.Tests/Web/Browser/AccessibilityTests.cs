using Microsoft.Playwright;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// axe-core 4.14 on every page of the app, at desktop (1440×900) and phone (390×844, <see
/// cref="PhoneAccessibilityTests"/>) widths, in Debian's Chromium: no violation of impact serious or critical — the
/// Results workbench too (a query result, a filtered grid with its facets, a followed foreign key with a column
/// profile, the dictionary), and no page wider than the screen (nothing scrolls sideways; wide tables and charts
/// scroll inside their own region). The two widths are two classes, so their scans run side by side (each class has
/// its own app and Chromium).
/// </summary>
public sealed class AccessibilityTests(DatasetBrowserApp app) : IClassFixture<DatasetBrowserApp>
{
    [Fact]
    public async Task EveryPage_AtDesktopWidth_HasNoSeriousOrCriticalAxeViolations_AndNothingScrollsSideways() =>
        await new AccessibilityScan(app).EveryPageAsync(1440, 900);

    [Fact]
    public async Task Scanner_OnAPageWithAnUnlabelledImage_ReportsItAsCritical()
    {
        // The scan the pages rely on must be able to fail: an image without alternative text is critical in axe.
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><img "
                + "src=\"x.png\"></main></body></html>"
        );

        var violations = await AccessibilityScan.AxeViolationsAsync(page);

        await context.CloseAsync();
        AssertUnlabelledImageIsCritical(violations);
    }

    [Fact]
    public async Task Scanner_RunAgainAfterTheDocumentChanges_ReportsWhatIsOnThePageNow()
    {
        // The page walk scans page after page in one document (client-side navigation, axe loaded once): a second
        // scan must judge the content that replaced the first page, not remember the first.
        var context = await app.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><h1>First page</h1>"
                + "</main></body></html>"
        );
        var first = await AccessibilityScan.AxeViolationsAsync(page);
        await page.EvaluateAsync(
            "() => { document.querySelector('main').innerHTML = '<h1>Second page</h1><img src=\"x.png\">'; }"
        );

        var second = await AccessibilityScan.AxeViolationsAsync(page);

        await context.CloseAsync();
        Assert.DoesNotContain(first, v => v.Id == "image-alt");
        AssertUnlabelledImageIsCritical(second);
    }

    // The one image without alternative text is reported once, as critical, pointing at the image.
    private static void AssertUnlabelledImageIsCritical(AccessibilityScan.AxeViolation[] violations)
    {
        var image = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Equal("critical", image.Impact);
        Assert.Equal("img", Assert.Single(image.Nodes).Target);
    }
}
