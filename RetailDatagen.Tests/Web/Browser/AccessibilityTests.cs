using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using RetailDatagen.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// axe-core 4.14 on every page of the app, at desktop (1440×900) and phone (390×844) widths, in Debian's Chromium:
/// no violation of impact serious or critical — the Results workbench too (a query result, a filtered grid with its
/// facets, a followed foreign key with a column profile, the dictionary), and no page wider than the screen (nothing
/// scrolls sideways; wide tables and charts scroll inside their own region). Also the phone layout: the app bar's
/// links do not overlap and Generate is on screen without scrolling.
/// </summary>
public sealed class AccessibilityTests(DatasetBrowserApp app) : IClassFixture<DatasetBrowserApp>
{
    public static TheoryData<int, int> Viewports() => new() { { 1440, 900 }, { 390, 844 } };

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolations_AndNothingScrollsSideways(int width, int height)
    {
        SetDefaultExpectTimeout(30_000);
        // A finished small run (the shared dataset, served by the app like any run in its output root).
        var runId = app.Dataset.RunId;
        var context = await app.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height },
            }
        );
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var report = new StringBuilder();

        await OpenAsync(page, "/");
        await ScanAsync(page, "configure", report);
        await OpenAsync(page, "/runs");
        await ScanAsync(page, "runs", report);
        await OpenAsync(page, $"/runs/{runId}");
        await Expect(page.GetByTestId("run-summary")).ToBeVisibleAsync();
        await ScanAsync(page, "run", report);
        await OpenAsync(page, $"/runs/{runId}/results");
        await Expect(page.GetByTestId("chart-sales-day")).ToBeVisibleAsync();
        await ScanAsync(page, "results-overview", report);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Tables", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("results-grid")).ToBeVisibleAsync();
        await ScanAsync(page, "results-tables", report);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Quality", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("quality-panel")).ToBeVisibleAsync();
        await ScanAsync(page, "results-quality", report);
        await ScanWorkbenchAsync(page, runId, report);
        await OpenAsync(page, "/no-such-page");
        await ScanAsync(page, "not-found", report);

        await context.CloseAsync();
        Assert.True(report.Length == 0, $"At {width}×{height}:\n{report}");
    }

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

        var violations = await AxeViolationsAsync(page);

        await context.CloseAsync();
        var image = Assert.Single(violations, v => v.Id == "image-alt");
        Assert.Equal("critical", image.Impact);
        Assert.Equal("img", Assert.Single(image.Nodes).Target);
    }

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
        await OpenAsync(page, "/");

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
        await OpenAsync(page, "/runs");
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

    // The analyst workbench: a query result, a filtered grid with its facets, a followed key, a profile, the
    // dictionary.
    private async Task ScanWorkbenchAsync(IPage page, string runId, StringBuilder report)
    {
        var results = $"/runs/{runId}/results";
        await OpenAsync(
            page,
            results + "?section=sql&sql=" + Uri.EscapeDataString("SELECT * FROM dim_stores ORDER BY ID")
        );
        await Expect(page.GetByTestId("sql-status")).ToContainTextAsync($"{SmallDataset.Options.Stores} rows");
        await ScanAsync(page, "results-sql", report);

        await OpenAsync(page, results + "?table=fact_receipts&f=TenderType~eq~CASH");
        await Expect(page.GetByTestId("grid-status")).ToContainTextAsync("matching rows");
        await Expect(page.GetByTestId("facet-TenderType")).ToBeVisibleAsync();
        await ScanAsync(page, "results-filtered", report);

        await OpenAsync(page, results + "?table=dim_stores");
        await page.GetByTestId("fk-link").First.ClickAsync();
        await Expect(page.GetByTestId("related-rows")).ToBeVisibleAsync();
        await page.GetByTestId("profile-toggle").ClickAsync();
        await Expect(page.GetByTestId("profile-table")).ToBeVisibleAsync();
        await ScanAsync(page, "results-row-and-profile", report);

        await OpenAsync(page, results + "?section=dictionary");
        await Expect(page.GetByTestId("dictionary-fact_receipts")).ToBeVisibleAsync();
        await ScanAsync(page, "results-dictionary", report);
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(app.BaseUrl + path);
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static async Task ScanAsync(IPage page, string name, StringBuilder report)
    {
        // Every scanned page is also kept as a picture, to look at (phone and desktop).
        Directory.CreateDirectory(EndToEndTests.ScreenshotFolder);
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(
            new PageScreenshotOptions
            {
                Path = Path.Combine(EndToEndTests.ScreenshotFolder, $"{name}-{width}.png"),
                FullPage = true,
            }
        );
        var overflow = await page.EvaluateAsync<string>(SidewaysScript);
        if (overflow.Length > 0)
        {
            report.AppendLine($"{name}: scrolls sideways: {overflow}");
        }

        foreach (var violation in (await AxeViolationsAsync(page)).Where(v => v.Impact is "serious" or "critical"))
        {
            report.AppendLine($"{name}: {violation.Impact} {violation.Id} ×{violation.Nodes.Length}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(3))
            {
                report.AppendLine($"    {node.Target}  {string.Join("; ", node.Messages)}");
            }
        }
    }

    /// <summary>
    /// Runs axe-core (the script Deque.AxeCore bundles) in the page as it is: every rule on the whole document, loaded
    /// once per document (tab switches keep it) and read back as violations only.
    /// </summary>
    private static async Task<AxeViolation[]> AxeViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = AxeSource.Value });
        }

        return await page.EvaluateAsync<AxeViolation[]>(
            """
            async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                nodes: v.nodes.map(n => ({
                    target: n.target.join(' '),
                    messages: [...n.any, ...n.all, ...n.none].map(c => c.message)
                }))
            }))
            """
        );
    }

    /// <summary>
    /// Empty when the page is no wider than the window; otherwise the page width and the outermost and innermost
    /// elements that reach past the window's right edge outside any scrolling region (where to look).
    /// </summary>
    private const string SidewaysScript = """
        () => {
            const width = window.innerWidth;
            if (document.documentElement.scrollWidth <= width) return '';
            const scrolls = e => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(e).overflowX);
            const offenders = [];
            // Inside a scrolling region only positioned elements can escape it (their containing block is outside).
            const visit = (e, clipped) => {
                for (const child of e.children) {
                    const box = child.getBoundingClientRect();
                    const escapes = ['absolute', 'fixed'].includes(getComputedStyle(child).position);
                    if (box.right > width + 0.5 && (!clipped || escapes)) {
                        const c = typeof child.className === 'string' ? child.className : '';
                        offenders.push(`${child.tagName.toLowerCase()}.${c.trim().split(/\s+/).slice(0, 3).join('.')}`
                            + ` ${Math.round(box.left)}..${Math.round(box.right)}`);
                    }
                    visit(child, clipped || scrolls(child));
                }
            };
            visit(document.body, false);
            return `page ${document.documentElement.scrollWidth} px wide in ${width} px: `
                + [...offenders.slice(0, 3), '…', ...offenders.slice(-3)].join(', ');
        }
        """;

    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

    private sealed class AxeViolation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string Help { get; set; } = "";

        public AxeNode[] Nodes { get; set; } = [];
    }

    private sealed class AxeNode
    {
        public string Target { get; set; } = "";

        public string[] Messages { get; set; } = [];
    }
}
