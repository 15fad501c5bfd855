using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Web.Components.Pages.Configure;
using RetailDatagen.Web.Configuration;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>
/// bUnit with MudBlazor's services, loose JS interop (Mud calls JS for popovers and sizes), the invariant culture,
/// a fake run coordinator and a run catalog over <see cref="OutputRoot"/>. Popovers and dialogs render into the
/// providers returned by <see cref="RenderProviders"/>.
/// </summary>
public abstract class MudTestContext : BunitContext
{
    protected MudTestContext(string? outputRoot = null)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        JSInterop.Mode = JSRuntimeMode.Loose;
        OutputRoot = outputRoot ?? _ownRoot.Combine("output");
        Services.AddMudServices();
        Services.AddSingleton<IRunCoordinator>(Coordinator);
        Services.AddSingleton(Options.Create(new RetailDatagenSettings { OutputRoot = OutputRoot, KeepLastRuns = 20 }));
        Services.AddSingleton<BrowseCache>();
        Services.AddSingleton(sp => new TableBrowser(sp.GetRequiredService<BrowseCache>()));
        Services.AddSingleton(sp => new RunCatalog(
            sp.GetRequiredService<IOptions<RetailDatagenSettings>>(),
            Coordinator,
            sp.GetRequiredService<TableBrowser>(),
            NullLogger<RunCatalog>.Instance
        ));
        Services.AddScoped<ConfigureDraft>();
        Services.AddSingleton<DiskSpace>(Disk);
        Services.AddSingleton<RetailDatagen.Web.Insights.InsightsCache>();
        Services.AddSingleton(new RetailDatagen.Core.Sql.SqlConsole());
        Services.AddSingleton(sp => new ColumnProfiler(sp.GetRequiredService<BrowseCache>()));
    }

    private readonly TempDirectory _ownRoot = new();

    public FakeRunCoordinator Coordinator { get; } = new();

    public FakeDiskSpace Disk { get; } = new();

    public string OutputRoot { get; }

    /// <summary>Renders the popover and dialog providers the layout would render.</summary>
    protected IRenderedComponent<MudDialogProvider> RenderProviders()
    {
        Render<MudPopoverProvider>();
        return Render<MudDialogProvider>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownRoot.Dispose();
        }
    }
}
