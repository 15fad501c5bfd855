using RetailDatagen.Core;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Web.Api;
using RetailDatagen.Web.Components.Pages.Configure;
using RetailDatagen.Web.Configuration;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Web;

public static class DependencyInjection
{
    /// <summary>The run coordinator, worker, catalog and browsing services of the web app.</summary>
    public static IServiceCollection AddRetailDatagenWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<RetailDatagenSettings>()
            .Bind(configuration.GetSection(RetailDatagenSettings.Section))
            .Validate(s => !string.IsNullOrWhiteSpace(s.OutputRoot), "RetailDatagen:OutputRoot must name a folder.")
            .Validate(s => s.KeepLastRuns >= 0, "RetailDatagen:KeepLastRuns must be 0 (keep every run) or more.")
            .Validate(
                s => s.MaxTotalGB >= 0 && double.IsFinite(s.MaxTotalGB),
                "RetailDatagen:MaxTotalGB must be 0 (no size limit) or more."
            )
            .Validate(s => s.MaxQueuedRuns >= 1, "RetailDatagen:MaxQueuedRuns must be at least 1.")
            .ValidateOnStart();

        services.AddRetailDatagenCore();
        services.AddSingleton<DiskSpace>();

        // Singletons on purpose: a run must outlive the circuit (tab) that started it, and every tab must see it.
        services.AddSingleton<RunCoordinator>();
        services.AddSingleton<IRunCoordinator>(sp => sp.GetRequiredService<RunCoordinator>());
        services.AddSingleton<RunCatalog>();
        services.AddSingleton<Insights.InsightsCache>();
        services.AddHostedService<StaleStagingCleanup>(); // before the worker: a new run never races the cleanup
        services.AddHostedService<RunWorker>();
        services.AddHostedService<RunProgressTicker>();

        // Counts and column facts of finished runs are shared by every tab; pages open their own connection per call.
        services.AddSingleton<BrowseCache>();
        services.AddSingleton(sp => new TableBrowser(sp.GetRequiredService<BrowseCache>()));

        services.AddSingleton<
            Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>,
            HostSafety
        >();

        // Scoped = one tab (one circuit): the options a user is editing belong to that tab only.
        services.AddScoped<ConfigureDraft>();
        services.AddRetailDatagenWorkbench(configuration);
        return services;
    }
}
