using System.Net;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Runs;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// axe-core 4.14 on every page of the app, at desktop (1440×900) and phone (390×844) widths, in Debian's Chromium:
/// no violation of impact serious or critical — the Results workbench too (a query result, a filtered grid with its
/// facets, a followed foreign key with a column profile, the dictionary). Also the phone layout: the app bar's links do not overlap, no page
/// scrolls sideways, and Generate is on screen without scrolling.
/// </summary>
public sealed class AccessibilityTests : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();
    private AppFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _baseUrl = "";

    public static TheoryData<int, int> Viewports() => new() { { 1440, 900 }, { 390, 844 } };

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(BrowserSupport.ChromiumPath), $"Chromium was not found at {BrowserSupport.ChromiumPath}: bash scripts/install-browser.sh");
        _app = new AppFactory(_temp.Combine("output"));
        _app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _app.StartServer();
        _baseUrl = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single().TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(BrowserSupport.LaunchOptions);
    }

    [Theory]
    [MemberData(nameof(Viewports))]
    public async Task EveryPage_HasNoSeriousOrCriticalAxeViolations(int width, int height)
    {
        SetDefaultExpectTimeout(30_000);
        var runId = await GenerateSmallRunAsync();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
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
        Assert.True(report.Length == 0, $"axe at {width}×{height}:\n{report}");
    }

    [Fact]
    public async Task Phone_AppBarLinksDoNotOverlap_NothingScrollsSideways_AndGenerateIsOnScreen()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await OpenAsync(page, "/");

        var configure = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Configure" }).BoundingBoxAsync();
        var runs = await page.GetByRole(AriaRole.Link, new PageGetByRoleOptions { Name = "Runs", Exact = true }).BoundingBoxAsync();
        Assert.True(configure!.X + configure.Width <= runs!.X, $"Configure ends at {configure.X + configure.Width}, Runs starts at {runs.X}");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The Configure page scrolls sideways.");

        var generate = await page.GetByTestId("generate").BoundingBoxAsync();
        Assert.True(generate!.Y >= 0 && generate.Y + generate.Height <= 844, $"Generate is at y={generate.Y}, off the 844 px screen.");
        await context.CloseAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _temp.Dispose();
    }

    // The analyst workbench: a query result, a filtered grid with its facets, a followed key, a profile, the dictionary.
    private async Task ScanWorkbenchAsync(IPage page, string runId, StringBuilder report)
    {
        var results = $"/runs/{runId}/results";
        await OpenAsync(page, results + "?section=sql&sql=" + Uri.EscapeDataString("SELECT * FROM dim_stores ORDER BY ID"));
        await Expect(page.GetByTestId("sql-status")).ToContainTextAsync("20 rows");
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

    private async Task<string> GenerateSmallRunAsync()
    {
        var coordinator = _app!.Services.GetRequiredService<IRunCoordinator>();
        var started = coordinator.Start(Presets.Small with { Seed = 11 });
        Assert.True(started.Started, string.Join(" ", started.Errors.Select(e => e.Message)));
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (coordinator.Find(started.RunId!)?.Status is RunStatus.Queued or RunStatus.Running && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal(RunStatus.Completed, coordinator.Find(started.RunId!)?.Status);
        return started.RunId!;
    }

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(_baseUrl + path);
        await page.Locator("[data-testid=interactive]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
    }

    private static async Task ScanAsync(IPage page, string name, StringBuilder report)
    {
        // Every scanned page is also kept as a picture, to look at (phone and desktop).
        Directory.CreateDirectory(EndToEndTests.ScreenshotFolder);
        var width = page.ViewportSize?.Width ?? 0;
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(EndToEndTests.ScreenshotFolder, $"{name}-{width}.png"), FullPage = true });
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            report.AppendLine($"{name}: {violation.Impact} {violation.Id} ×{violation.Nodes.Length}: {violation.Help}");
            foreach (var node in violation.Nodes.Take(3))
            {
                report.AppendLine($"    {node.Target}  {string.Join("; ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message))}");
            }
        }
    }
}
