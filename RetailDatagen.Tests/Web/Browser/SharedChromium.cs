using Microsoft.Playwright;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// One Playwright driver and one headless Debian Chromium for the whole test run, started by the first browser test
/// that asks for it (a run without browser tests starts neither). Each test class opens its own browser contexts, so
/// tests share neither cookies nor pages; a driver and a browser per class cost about 2 CPU-seconds each.
/// </summary>
public sealed class SharedChromium : IAsyncLifetime
{
    private readonly Lazy<Task<(IPlaywright Playwright, IBrowser Browser)>> _started = new(StartAsync);

    public async Task<IBrowser> BrowserAsync() => (await _started.Value).Browser;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully)
        {
            var (playwright, browser) = _started.Value.Result;
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    private static async Task<(IPlaywright, IBrowser)> StartAsync()
    {
        // On a fresh machine the project's script installs Debian's headless Chromium (as root); elsewhere it says how.
        if (!File.Exists(BrowserSupport.ChromiumPath))
        {
            await EndToEndTests.InstallBrowserAsync();
        }

        Assert.True(
            File.Exists(BrowserSupport.ChromiumPath),
            $"Chromium was not found at {BrowserSupport.ChromiumPath}. "
                + "Install Debian's package: bash scripts/install-browser.sh "
                + "(or apt-get install -y chromium-headless-shell)"
        );
        var playwright = await Playwright.CreateAsync();
        return (playwright, await playwright.Chromium.LaunchAsync(BrowserSupport.LaunchOptions));
    }
}
