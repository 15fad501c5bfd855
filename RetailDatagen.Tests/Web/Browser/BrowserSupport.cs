using Microsoft.Playwright;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>Debian's Chromium, headless, with the flags that keep it quiet and offline.</summary>
internal static class BrowserSupport
{
    /// <summary>
    /// Debian's <c>chromium-headless-shell</c>: the same Chromium build without the desktop browser around it, the
    /// kind of binary Playwright runs for headless tests. The browser tests took about 10 CPU-seconds (a fifth) and
    /// 13 s less with it than with the full <c>chromium</c>, with the same results.
    /// </summary>
    public const string ChromiumPath = "/usr/lib/chromium/chromium-headless-shell";

    public static BrowserTypeLaunchOptions LaunchOptions { get; } =
        new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        };

    /// <summary>
    /// Screenshots are pictures for people, not checks: taken only when <c>RD_SCREENSHOTS=1</c>, because a full-page
    /// capture of every scanned page at each width cost Chromium about a third of the browser tests' CPU.
    /// </summary>
    public static bool TakeScreenshots { get; } = Environment.GetEnvironmentVariable("RD_SCREENSHOTS") == "1";

    /// <summary>Saves a full-page screenshot under <c>artifacts/screenshots/</c> when screenshots are wanted.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        if (!TakeScreenshots)
        {
            return;
        }

        Directory.CreateDirectory(EndToEndTests.ScreenshotFolder);
        var path = Path.Combine(EndToEndTests.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
    }
}
