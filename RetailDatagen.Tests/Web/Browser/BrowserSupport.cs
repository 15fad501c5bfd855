using Microsoft.Playwright;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>Debian's Chromium, headless, with the flags that keep it quiet and offline.</summary>
internal static class BrowserSupport
{
    public const string ChromiumPath = "/usr/bin/chromium";

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
}
