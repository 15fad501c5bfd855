using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Browser;

/// <summary>
/// The real app on Kestrel (127.0.0.1, a free port), started once per test class, and the run's one headless Debian
/// Chromium (<see cref="SharedChromium"/>): each test opens its own browser context, so tests share neither cookies
/// nor pages.
/// </summary>
public abstract class BrowserApp(SharedChromium chromium) : IAsyncLifetime
{
    public AppFactory App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The folder the app lists and serves runs from.</summary>
    public abstract string OutputRoot { get; }

    public virtual async ValueTask InitializeAsync()
    {
        App = new AppFactory(OutputRoot);
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        App.StartServer();
        BaseUrl = App
            .Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single()
            .TrimEnd('/');
        Browser = await chromium.BrowserAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The app over the shared small dataset's output root (read only: nothing is generated).</summary>
public sealed class DatasetBrowserApp(SharedChromium chromium, SmallDataset dataset) : BrowserApp(chromium)
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
public sealed class EmptyBrowserApp(SharedChromium chromium) : BrowserApp(chromium)
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
