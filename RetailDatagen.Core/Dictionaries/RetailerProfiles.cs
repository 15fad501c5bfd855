using System.Text.Json;
using System.Text.Json.Serialization;

namespace RetailDatagen.Core.Dictionaries;

/// <summary>A department of a retailer profile: its share of the catalog and of store revenue, how many units a line
/// buys, how often items come back.</summary>
public sealed record DepartmentProfile(
    string Name,
    bool Food,
    double CatalogShare,
    double RevenueShare,
    string Quantity,
    double ReturnRate
);

/// <summary>
/// A kind of retailer (DATA-CONTRACT §4): department sizes and revenue mix, basket size, promotions. Profiles are
/// data (Dictionaries/retailer-profiles.json), so a new one needs no code.
/// </summary>
public sealed record RetailerProfile(
    string Name,
    string Title,
    double MeanLinesPerReceipt,
    double PromoLineShare,
    double PromoDepthMin,
    double PromoDepthMax,
    double MaxDepartmentCatalogShare,
    IReadOnlyList<DepartmentProfile> Departments
)
{
    public DepartmentProfile? Department(string name) => Departments.FirstOrDefault(d => d.Name == name);

    /// <summary>Share (0..1) of store revenue the profile gives food departments.</summary>
    public double FoodRevenueShare =>
        Departments.Where(d => d.Food).Sum(d => d.RevenueShare) / Departments.Sum(d => d.RevenueShare);
}

/// <summary>Units bought on one receipt line: values and their weights.</summary>
public sealed record QuantityPattern(string Name, int[] Units, double[] Weights)
{
    // Computed once: the inventory policy reads them for every store-product row.
    public double Mean { get; } = Units.Zip(Weights).Sum(x => x.First * x.Second) / Weights.Sum();

    public double MeanSquare { get; } =
        Units.Zip(Weights).Sum(x => (double)x.First * x.First * x.Second) / Weights.Sum();
}

/// <summary>The shipped retailer profiles, loaded once per process.</summary>
public sealed class RetailerProfiles
{
    public const string DefaultName = "supercenter";

    private static readonly Lazy<RetailerProfiles> Lazy = new(Load);

    private RetailerProfiles(
        IReadOnlyList<RetailerProfile> all,
        IReadOnlyDictionary<string, QuantityPattern> quantities
    )
    {
        All = all;
        Quantities = quantities;
    }

    public static RetailerProfiles Instance => Lazy.Value;

    public IReadOnlyList<RetailerProfile> All { get; }

    public IReadOnlyDictionary<string, QuantityPattern> Quantities { get; }

    public IReadOnlyList<string> Names => [.. All.Select(p => p.Name)];

    public RetailerProfile? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public RetailerProfile Get(string? name) => Find(name) ?? Find(DefaultName)!;

    private static RetailerProfiles Load()
    {
        const string resource = "RetailDatagen.Core.Dictionaries.retailer-profiles.json";
        using var stream =
            typeof(RetailerProfiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded dictionary '{resource}' is missing.");
        var file =
            JsonSerializer.Deserialize<ProfileFile>(
                stream,
                new JsonSerializerOptions { PropertyNameCaseInsensitive = true }
            ) ?? throw new InvalidOperationException("retailer-profiles.json is empty.");
        var quantities = file.Quantities.ToDictionary(
            q => q.Key,
            q => new QuantityPattern(q.Key, [.. q.Value.Keys.Select(int.Parse)], [.. q.Value.Values]),
            StringComparer.Ordinal
        );
        var reference = ReferenceData.Instance.Departments;
        foreach (var profile in file.Profiles)
        {
            var names = profile.Departments.Select(d => d.Name).Order(StringComparer.Ordinal);
            if (!names.SequenceEqual(reference.Order(StringComparer.Ordinal)))
            {
                throw new InvalidOperationException(
                    $"Profile '{profile.Name}' must list exactly the catalog's departments."
                );
            }

            if (profile.Departments.FirstOrDefault(d => !quantities.ContainsKey(d.Quantity)) is { } bad)
            {
                throw new InvalidOperationException(
                    $"Profile '{profile.Name}': unknown quantity pattern '{bad.Quantity}'."
                );
            }
        }

        return new RetailerProfiles(file.Profiles, quantities);
    }

    private sealed record ProfileFile(
        [property: JsonPropertyName("quantities")] Dictionary<string, Dictionary<string, double>> Quantities,
        [property: JsonPropertyName("profiles")] List<RetailerProfile> Profiles
    );
}
