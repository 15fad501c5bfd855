using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Sql;

namespace RetailDatagen.Web.Api;

public static class WorkbenchServices
{
    /// <summary>The SQL console, column profiles and the OpenAPI document of the JSON API.</summary>
    public static IServiceCollection AddRetailDatagenWorkbench(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddOptions<WorkbenchSettings>()
            .Bind(configuration.GetSection(WorkbenchSettings.Section))
            .Validate(s => s.TimeLimitSeconds is > 0 and <= 600, "RetailDatagen:Sql:TimeLimitSeconds must be 0–600 s.")
            .Validate(
                s => s.MaxDisplayRows is >= 1 and <= 1_000_000,
                "RetailDatagen:Sql:MaxDisplayRows must be 1–1,000,000."
            )
            .Validate(
                s => s.MaxConcurrentQueries is >= 1 and <= 64,
                "RetailDatagen:Sql:MaxConcurrentQueries must be 1–64."
            )
            .ValidateOnStart();

        // Singletons: the concurrency cap and the profile cache are shared by every tab and API caller.
        services.AddSingleton(sp => new SqlConsole(
            sp.GetRequiredService<IOptions<WorkbenchSettings>>().Value.ToOptions()
        ));
        services.AddSingleton(sp => new ColumnProfiler(sp.GetRequiredService<BrowseCache>()));
        services.AddOpenApi();
        return services;
    }
}
