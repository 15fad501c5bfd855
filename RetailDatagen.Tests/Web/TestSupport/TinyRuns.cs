using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>Real run folders in a temp output root, written by the core pipeline exactly as the CLI writes them.</summary>
public static class TinyRuns
{
    /// <summary>The small preset shrunk to a few thousand rows: every table, generated in well under a second.</summary>
    public static GenerationOptions Options { get; } = Presets.Small with
    {
        Preset = "custom",
        Geographies = 10,
        Stores = 4,
        DistributionCenters = 2,
        RefrigeratedTrucks = 2,
        NonRefrigeratedTrucks = 2,
        SupplierRefrigeratedTrucks = 1,
        SupplierNonRefrigeratedTrucks = 1,
        Customers = 300,
        Products = 60,
        Seed = 7,
    };

    /// <summary>Writes a run folder named after its run id (or <paramref name="folderName"/>) under <paramref name="outputRoot"/>.</summary>
    public static async Task<RunManifest> WriteAsync(string outputRoot, GenerationOptions? options = null, DateTimeOffset? startedAt = null, string? folderName = null)
    {
        var clock = new FixedClock(startedAt ?? new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var runId = RunIds.New(clock);
        var request = new GenerationRequest
        {
            Options = options ?? Options,
            OutputDirectory = Path.Combine(outputRoot, folderName ?? runId),
            RunId = runId,
        };
        return await new GenerationPipeline(clock).RunAsync(request, null, TestContext.Current.CancellationToken);
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
