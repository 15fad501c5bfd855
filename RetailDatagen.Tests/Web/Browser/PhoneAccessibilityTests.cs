using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// The phone width (390×844) of <see cref="AccessibilityTests"/>, and the phone layout: the app bar's links do not
/// overlap, Generate is on screen without scrolling and the runs table fits.
/// </summary>
public sealed class PhoneAccessibilityTests(DatasetBrowserApp app) : IClassFixture<DatasetBrowserApp>
{
    [Fact]
    public async Task EveryPage_AtPhoneWidth_HasNoSeriousOrCriticalAxeViolations_AndNothingScrollsSideways() =>
        await new AccessibilityScan(app).EveryPageAsync(390, 844);

    [Fact]
    public async Task Phone_AppBarLinksDoNotOverlap_GenerateIsOnScreen_AndTheRunsTableFits()
    {
        var context = await app.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 390, Height = 844 },
            }
        );
        var page = await context.NewPageAsync();
        await AccessibilityScan.OpenAsync(app, page, "/");

        var configure = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Configure" })
            .BoundingBoxAsync();
        var runs = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Runs", Exact = true })
            .BoundingBoxAsync();
        Assert.True(
            configure!.X + configure.Width <= runs!.X,
            $"Configure ends at {configure.X + configure.Width}, Runs starts at {runs.X}"
        );
        Assert.True(
            await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "The Configure page scrolls sideways."
        );

        var generate = await page.GetByTestId("generate").BoundingBoxAsync();
        Assert.True(
            generate!.Y >= 0 && generate.Y + generate.Height <= 844,
            $"Generate is at y={generate.Y}, off the 844 px screen."
        );

        // The runs table is condensed to fit: run, status and rows readable without scrolling it sideways.
        await AccessibilityScan.OpenAsync(app, page, "/runs");
        var runRow = page.GetByTestId($"run-{app.Dataset.RunId}");
        await Expect(runRow.GetByText("Completed").First).ToBeVisibleAsync();
        Assert.True(
            await page.EvaluateAsync<bool>(
                "() => { const r = document.querySelector('[role=region][aria-label=Runs]');"
                    + " return r.scrollWidth <= r.clientWidth; }"
            ),
            "The runs table needs sideways scrolling on a phone."
        );
        await context.CloseAsync();
    }
}
