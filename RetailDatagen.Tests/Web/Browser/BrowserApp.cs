using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port) and one headless Debian Chromium, started once per test class:
/// each test opens its own browser context, so tests share neither cookies nor pages.
/// </summary>
public abstract class BrowserApp : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public AppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The folder the app lists and serves runs from.</summary>
    public abstract string OutputRoot { get; }

    public virtual async ValueTask InitializeAsync()
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

        App = new AppFactory(OutputRoot);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App
            .Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single()
            .TrimEnd('/');
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserSupport.LaunchOptions);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app over the shared small dataset's output root (read only: nothing is generated).</summary>
public sealed class DatasetBrowserApp(SmallDataset dataset) : BrowserApp
{
    public SmallDataset Dataset => dataset;

    public override string OutputRoot => dataset.OutputRoot;

    /// <summary>Starts the app and Chromium while the dataset may still be generated, then waits for it.</summary>
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await dataset.Generated;
    }
}

/// <summary>The app over an empty temp output root, for tests that generate.</summary>
public sealed class EmptyBrowserApp : BrowserApp
{
    private readonly TempDirectory _temp = new();

    public override string OutputRoot => _temp.Combine("output");

    public string TempPath => _temp.Path;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _temp.Dispose();
    }
}
