using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using RetailDatagen.Tests.TestSupport;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// One width's walk through every page of the app over the shared small dataset: each page gets the sideways-scroll
/// check and an axe-core scan, and every finding goes into one report that must stay empty.
/// </summary>
internal sealed class AccessibilityScan(DatasetBrowserApp app)
{
    public async Task EveryPageAsync(int width, int height)
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

        // One document per width: the unknown address needs a full load (the server answers it), every other page is
        // reached by the app's own client-side navigation, so axe-core is loaded and compiled once and every later
        // scan runs warm (a first scan in a new document costs Chromium 2–4.5 s, a later one 0.5–1 s).
        await OpenAsync(page, "/no-such-page");
        await Expect(Heading(page, "Not found")).ToBeVisibleAsync();
        await ScanAsync(page, "not-found", report);
        await NavigateAsync(page, "/");
        await Expect(Heading(page, "Configure a dataset")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("generate")).ToBeVisibleAsync();
        await ScanAsync(page, "configure", report);
        await NavigateAsync(page, "/runs");
        await Expect(Heading(page, "Runs")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"run-{runId}")).ToBeVisibleAsync();
        await ScanAsync(page, "runs", report);
        await NavigateAsync(page, $"/runs/{runId}");
        await Expect(Heading(page, $"Run {runId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("run-summary")).ToBeVisibleAsync();
        await ScanAsync(page, "run", report);
        await NavigateAsync(page, $"/runs/{runId}/results");
        await Expect(Heading(page, $"Results of run {runId}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-sales-day")).ToBeVisibleAsync();
        await ScanAsync(page, "results-overview", report);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Tables", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("results-grid")).ToBeVisibleAsync();
        await ScanAsync(page, "results-tables", report);
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Quality", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("quality-panel")).ToBeVisibleAsync();
        await ScanAsync(page, "results-quality", report);
        await ScanWorkbenchAsync(page, runId, report);

        await context.CloseAsync();
        Assert.True(report.Length == 0, $"At {width}×{height}:\n{report}");
    }

    // The analyst workbench: a query result, a filtered grid with its facets, a followed key, a profile, the
    // dictionary.
    private async Task ScanWorkbenchAsync(IPage page, string runId, StringBuilder report)
    {
        var results = $"/runs/{runId}/results";
        await NavigateAsync(
            page,
            results + "?section=sql&sql=" + Uri.EscapeDataString("SELECT * FROM dim_stores ORDER BY ID")
        );
        await Expect(page.GetByTestId("sql-status")).ToContainTextAsync($"{SmallDataset.Options.Stores} rows");
        await ScanAsync(page, "results-sql", report);

        await NavigateAsync(page, results + "?table=fact_receipts&f=TenderType~eq~CASH");
        await Expect(page.GetByText("fact_receipts · ")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("grid-status")).ToContainTextAsync("matching rows");
        await Expect(page.GetByTestId("facet-TenderType")).ToBeVisibleAsync();
        await ScanAsync(page, "results-filtered", report);

        await NavigateAsync(page, results + "?table=dim_stores");

        // The grid is keyed by table: once dim_stores is named, the receipts grid and its links are gone.
        await Expect(page.GetByText("dim_stores · ")).ToBeVisibleAsync();
        await page.GetByTestId("fk-link").First.ClickAsync();
        await Expect(page.GetByTestId("related-rows")).ToBeVisibleAsync();
        await page.GetByTestId("profile-toggle").ClickAsync();
        await Expect(page.GetByTestId("profile-table")).ToBeVisibleAsync();
        await ScanAsync(page, "results-row-and-profile", report);

        await NavigateAsync(page, results + "?section=dictionary");
        await Expect(page.GetByTestId("dictionary-fact_receipts")).ToBeVisibleAsync();
        await ScanAsync(page, "results-dictionary", report);
    }

    private Task OpenAsync(IPage page, string path) => OpenAsync(app, page, path);

    public static async Task OpenAsync(BrowserApp app, IPage page, string path)
    {
        await page.GotoAsync(app.BaseUrl + path);
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    /// <summary>
    /// Goes to <paramref name="path"/> the way the app's own links do (Blazor's router, no new document) and waits
    /// until the address is the new one; the caller then waits for that page's own content before scanning it.
    /// </summary>
    private async Task NavigateAsync(IPage page, string path)
    {
        var url = app.BaseUrl + path;
        await page.EvaluateAsync("url => Blazor.navigateTo(url)", url);
        await page.WaitForFunctionAsync("url => location.href === new URL(url).href", url);
    }

    private static ILocator Heading(IPage page, string name) =>
        page.GetByRole(AriaRole.Heading, new PageGetByRoleOptions { Name = name, Exact = true, Level = 1 });

    private static async Task ScanAsync(IPage page, string name, StringBuilder report)
    {
        // Every scanned page can also be kept as a picture, to look at (phone and desktop; RD_SCREENSHOTS=1).
        await BrowserSupport.ScreenshotAsync(page, $"{name}-{page.ViewportSize?.Width ?? 0}");

        // The page as it settles: a button that just became enabled fades to its colour over 250 ms, and a scan in
        // the middle of that fade would judge a contrast nobody sees for longer than the fade.
        await page.EvaluateAsync(SettledScript);
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
    /// once per document (tab switches and client-side navigation keep it) and read back as violations only.
    /// </summary>
    public static async Task<AxeViolation[]> AxeViolationsAsync(IPage page)
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

    /// <summary>Waits for every running animation or transition that ends (not endless ones like spinners).</summary>
    private const string SettledScript = """
        () => Promise.all(document.getAnimations()
            .filter(a => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
            .map(a => a.finished.catch(() => null)))
        """;

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

    public sealed class AxeViolation
    {
        public string Id { get; set; } = "";

        public string Impact { get; set; } = "";

        public string Help { get; set; } = "";

        public AxeNode[] Nodes { get; set; } = [];
    }

    public sealed class AxeNode
    {
        public string Target { get; set; } = "";

        public string[] Messages { get; set; } = [];
    }
}
