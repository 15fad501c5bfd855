using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Core;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The generation pipeline and what it needs (a clock, a logger when logging is registered), for the web app and
    /// the CLI alike. The pipeline keeps no state between runs, so one instance serves every run.
    /// </summary>
    public static IServiceCollection AddRetailDatagenCore(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GenerationPipeline(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<GenerationPipeline>>()
        ));
        return services;
    }
}
