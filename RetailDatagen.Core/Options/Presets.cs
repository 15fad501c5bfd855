namespace RetailDatagen.Core.Options;

/// <summary>Named starting points for <see cref="GenerationOptions"/>.</summary>
public static class Presets
{
    /// <summary>The source tool's defaults: about 2.73 million master rows.</summary>
    public static GenerationOptions Standard { get; } = new();

    /// <summary>A quick dataset for demos and tests: about 80 thousand master rows.</summary>
    public static GenerationOptions Small { get; } =
        new()
        {
            Preset = "small",
            Geographies = 50,
            Stores = 20,
            DistributionCenters = 3,
            // Some stores lie a day's drive from their DC: five trucks per DC keep every store served weekly.
            RefrigeratedTrucks = 6,
            NonRefrigeratedTrucks = 9,
            SupplierRefrigeratedTrucks = 2,
            SupplierNonRefrigeratedTrucks = 3,
            Customers = 10_000,
            Products = 1_000,
            Days = 14,
            CustomersPerStorePerDay = 120,
            OnlineOrdersPerDay = 300,
            MarketingImpressionsPerDay = 2_000,
        };

    public static IReadOnlyList<string> Names { get; } = ["small", "standard"];

    public static bool TryGet(string? name, out GenerationOptions options)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "small":
                options = Small;
                return true;
            case "standard":
                options = Standard;
                return true;
            default:
                options = Standard;
                return false;
        }
    }
}
