using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using static Microsoft.Playwright.Assertions;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// The product as a user meets it, in Debian's Chromium against the real app on Kestrel (127.0.0.1, a free port,
/// a temp output root): configure, generate, watch every table complete, browse, download.
/// </summary>
public sealed partial class EndToEndTests(EmptyBrowserApp app) : IClassFixture<EmptyBrowserApp>
{
    private const long Seed = 4242;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    [Fact]
    public async Task Generate_SmallPresetWithSeed_EveryTableCompletesAndTheResultsCanBeBrowsedAndDownloaded()
    {
        SetDefaultExpectTimeout(30_000);
        var context = await app.Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 1440, Height = 1000 },
                AcceptDownloads = true,
            }
        );
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        // Configure: wait for the circuit (clicks before it connects are lost), pick small, set the seed.
        await page.GotoAsync(app.BaseUrl + "/");
        await page.Locator("[data-testid=interactive]")
            .WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });
        await page.Locator(
                "[data-testid=preset] button",
                new PageLocatorOptions { HasTextRegex = new Regex("^small$") }
            )
            .ClickAsync();
        await Expect(page.GetByTestId("field-customers")).ToHaveValueAsync("10000");
        var seed = page.GetByTestId("field-seed");
        await seed.FillAsync(Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await seed.PressAsync("Tab");
        await Expect(page.GetByTestId("estimate-total-rows"))
            .ToHaveTextAsync(Rows(GenerationPipeline.PlannedRows(Options).Values.Sum()));
        await ShotAsync(page, "configure");

        // Generate: the run page shows every table reaching Completed.
        await page.GetByTestId("generate").ClickAsync();
        await Expect(page).ToHaveURLAsync(RunUrl(), new PageAssertionsToHaveURLOptions { Timeout = 30_000 });
        var runId = new Uri(page.Url).Segments[^1];
        await SampleRunToTheEndAsync(page);
        foreach (var table in Tables.All)
        {
            await Expect(page.GetByTestId($"state-{table.Name}")).ToHaveTextAsync("Completed");
        }

        await Expect(page.GetByTestId("tables-complete"))
            .ToHaveTextAsync($"{Tables.All.Count}/{Tables.All.Count} tables complete");
        await Expect(page.GetByTestId("run-summary")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("quality-verdict")).ToContainTextAsync("checks passed");
        await ShotAsync(page, "run");

        // A second tab (or a reload) on the run's URL shows the same run.
        var second = await context.NewPageAsync();
        await second.GotoAsync(page.Url);
        await Expect(second.GetByTestId("tables-complete"))
            .ToHaveTextAsync($"{Tables.All.Count}/{Tables.All.Count} tables complete");
        await Expect(second.GetByTestId("run-status")).ToHaveTextAsync("Completed");
        await second.CloseAsync();

        // Results: customers, page 2, then sorted by last name.
        await page.GetByTestId("open-results").ClickAsync();

        // Results open on the overview: charts and the network map from SQL aggregates of this run.
        await Expect(page.GetByTestId("network-map")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("chart-sales-day")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("network-map").Locator("[data-testid=store]")).ToHaveCountAsync(20);
        await ShotAsync(page, "overview");
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { Name = "Tables", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new PageGetByRoleOptions { NameRegex = new Regex("^Customers") })
            .ClickAsync();
        var grid = page.GetByTestId("results-grid");
        await Expect(grid.Locator("h2")).ToHaveTextAsync("Customers");
        await Expect(FirstCell(grid)).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Next page" }).ClickAsync();
        await Expect(FirstCell(grid)).ToHaveTextAsync("26");
        await Expect(grid).ToContainTextAsync("26-50 of 10,000");

        var byLastName = Customers(runId)
            .OrderBy(c => c.LastName, StringComparer.Ordinal)
            .ThenBy(c => long.Parse(c.Id, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        await grid.Locator("th", new LocatorLocatorOptions { HasText = "LastName" })
            .Locator(".sortable-column-header")
            .ClickAsync();
        await Expect(Cell(grid, 0, 2)).ToHaveTextAsync(byLastName[25].LastName);
        await Expect(FirstCell(grid)).ToHaveTextAsync(byLastName[25].Id);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "First page" }).ClickAsync();
        await Expect(FirstCell(grid)).ToHaveTextAsync(byLastName[0].Id);
        await Expect(Cell(grid, 24, 0)).ToHaveTextAsync(byLastName[24].Id);
        await ShotAsync(page, "results");

        // Download retail.db over real HTTP and count its rows.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-db").First.ClickAsync());
        var saved = Path.Combine(app.TempPath, "downloaded-retail.db");
        await download.SaveAsAsync(saved);
        var planned = GeneratorSet.PlannedRows(Options);
        foreach (var table in Tables.Master)
        {
            Assert.Equal(planned[table.Name], CountRows(saved, table.Name));
        }

        foreach (var table in Tables.Facts)
        {
            Assert.True(CountRows(saved, table.Name) > 0, $"{table.Name} is empty");
        }

        await context.CloseAsync();
    }

    /// <summary>
    /// Reads the run page every 100 ms until the run completes: the ETA is never negative, the overall bar shows 100%
    /// only once the run is Completed, and the phases end all completed. The first sample while running is the
    /// "run in progress" screenshot.
    /// </summary>
    private static async Task SampleRunToTheEndAsync(IPage page)
    {
        await Expect(page.GetByTestId("run-overview")).ToBeVisibleAsync();
        var samples = new List<RunSample>();
        var shot = false;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var sample = await page.EvaluateAsync<RunSample>(
                """
                () => ({
                    status: document.querySelector('[data-testid=run-status]')?.textContent.trim() ?? '',
                    eta: document.querySelector('[data-testid=overall-eta]')?.textContent ?? '',
                    percent: document.querySelector('[data-testid=overall-percent]')?.textContent.trim() ?? '',
                    phase: document.querySelector('[data-testid=current-phase]')?.textContent.trim() ?? ''
                })
                """
            );
            samples.Add(sample);
            if (!shot && sample.Status == "Running" && sample.Percent != "0%")
            {
                await BrowserSupport.ScreenshotAsync(page, "run-in-progress");
                shot = true;
            }

            if (sample.Status is "Completed" or "Failed" or "Cancelled")
            {
                break;
            }

            await Task.Delay(100);
        }

        Assert.Equal("Completed", samples[^1].Status);
        Assert.All(samples, s => Assert.DoesNotMatch(@"ETA\s*[-−]", s.Eta));
        Assert.All(samples.Where(s => s.Status == "Running"), s => Assert.NotEqual("100%", s.Percent));
        Assert.Contains(samples, s => s.Status == "Running" && s.Phase.StartsWith("Now: ", StringComparison.Ordinal));
        Assert.Equal("100%", samples[^1].Percent);
        foreach (var phase in Enum.GetValues<RunPhase>())
        {
            await Expect(page.GetByTestId($"phase-state-{phase}")).ToHaveTextAsync("Completed");
        }
    }

    private sealed class RunSample
    {
        public string Status { get; set; } = "";
        public string Eta { get; set; } = "";
        public string Percent { get; set; } = "";
        public string Phase { get; set; } = "";
    }

    /// <summary>Saves a full-page screenshot from the top (a scrolled page would show the fixed app bar
    /// mid-image), when screenshots are wanted (<c>RD_SCREENSHOTS=1</c>).</summary>
    private static async Task ShotAsync(IPage page, string name)
    {
        if (BrowserSupport.TakeScreenshots)
        {
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
            await BrowserSupport.ScreenshotAsync(page, name);
        }
    }

    private static GenerationOptions Options => Presets.Small with { Seed = Seed };

    private static string Rows(long rows) => rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator FirstCell(ILocator grid) => Cell(grid, 0, 0);

    private static ILocator Cell(ILocator grid, int row, int column) =>
        grid.Locator("tbody tr").Nth(row).Locator("td").Nth(column);

    private List<(string Id, string LastName)> Customers(string runId)
    {
        var run = Path.Combine(app.OutputRoot, runId);
        using var connection = new SqliteConnection(
            $"Data Source={Path.Combine(run, "retail.db")};Mode=ReadOnly;Pooling=False"
        );
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT ID, LastName FROM dim_customers";
        using var reader = command.ExecuteReader();
        var customers = new List<(string, string)>();
        while (reader.Read())
        {
            customers.Add(
                (reader.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1))
            );
        }

        return customers;
    }

    private static long CountRows(string database, string table)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    internal static async Task InstallBrowserAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "scripts", "install-browser.sh");
        using var install = System.Diagnostics.Process.Start(
            new System.Diagnostics.ProcessStartInfo("bash", [script]) { UseShellExecute = false }
        );
        if (install is not null)
        {
            await install.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "RetailDatagen.Web.sln")))
            {
                return dir.FullName;
            }
        }

        return AppContext.BaseDirectory;
    }

    [GeneratedRegex(@"/runs/\d{8}-\d{6}-[0-9a-f]{4}$")]
    private static partial Regex RunUrl();
}
