using System.Globalization;
using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Options;

/// <summary>
/// The documented options with their bounds. The single source for validation, <c>--set</c>,
/// configuration files and the Configure page.
/// </summary>
public static class OptionCatalog
{
    public const int MaxStores = 5_000;
    public const int MaxDistributionCenters = 200;
    public const int MaxTrucksPerKind = 10_000;
    public const int MaxCustomers = 10_000_000;
    public const int MaxInventory = 1_000_000;
    public const long MaxSeed = int.MaxValue;

    /// <summary>Upper bound on stores × products: the store snapshot grows with both.</summary>
    public const long MaxStoreSnapshotRows = 50_000_000;

    public static readonly DateOnly MinStartDate = new(2000, 1, 1);
    public static readonly DateOnly MaxStartDate = new(2099, 12, 31);

    public static IReadOnlyList<OptionField> Fields { get; } = Build();

    public static OptionField? Find(string name) =>
        Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every name accepted by <see cref="TrySet"/>.</summary>
    public static IReadOnlyList<string> AllNames { get; } =
    [.. Fields.Select(f => f.Name), "startDate", "format", "taxRate", "generateFacts", "profile", "closedOnHolidays"];

    public const double MaxTaxRate = 0.25;

    /// <summary>Applies <c>name=value</c> (e.g. from <c>--set</c>). Returns an error message naming the field, or
    /// null.</summary>
    public static string? TrySet(ref GenerationOptions options, string name, string value)
    {
        if (string.Equals(name, "startDate", StringComparison.OrdinalIgnoreCase))
        {
            if (
                !DateOnly.TryParseExact(
                    value,
                    TextFormats.Date,
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var date
                )
            )
            {
                return $"startDate must be a date in the form yyyy-MM-dd between {MinStartDate:yyyy-MM-dd} and "
                    + $"{MaxStartDate:yyyy-MM-dd} (got '{value}').";
            }

            options = options with { StartDate = date };
            return null;
        }

        if (string.Equals(name, "taxRate", StringComparison.OrdinalIgnoreCase))
        {
            if (
                !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate)
                || !double.IsFinite(rate)
                || rate < 0
                || rate > MaxTaxRate
            )
            {
                return "taxRate must be a fraction between 0 and "
                    + $"{MaxTaxRate.ToString(CultureInfo.InvariantCulture)} (e.g. 0.0825 for 8.25%; got '{value}').";
            }

            options = options with { TaxRate = rate };
            return null;
        }

        if (string.Equals(name, "generateFacts", StringComparison.OrdinalIgnoreCase))
        {
            if (!bool.TryParse(value, out var facts))
            {
                return $"generateFacts must be true or false (got '{value}').";
            }

            options = options with { GenerateFacts = facts };
            return null;
        }

        if (string.Equals(name, "closedOnHolidays", StringComparison.OrdinalIgnoreCase))
        {
            if (!bool.TryParse(value, out var closed))
            {
                return $"closedOnHolidays must be true or false (got '{value}').";
            }

            options = options with { ClosedOnHolidays = closed };
            return null;
        }

        if (string.Equals(name, "profile", StringComparison.OrdinalIgnoreCase))
        {
            if (RetailerProfiles.Instance.Find(value) is not { } profile)
            {
                return $"profile must be one of {string.Join(", ", RetailerProfiles.Instance.Names)} (got '{value}').";
            }

            options = options with { Profile = profile.Name };
            return null;
        }

        if (string.Equals(name, "format", StringComparison.OrdinalIgnoreCase))
        {
            if (!OutputFormatExtensions.TryParse(value, out var format))
            {
                return $"format must be one of sqlite, csv, both (got '{value}').";
            }

            options = options with { Format = format };
            return null;
        }

        var field = Find(name);
        if (field is null)
        {
            return $"Unknown option '{name}'. Known options: {string.Join(", ", AllNames)}.";
        }

        if (
            !long.TryParse(
                value.Replace("_", "", StringComparison.Ordinal),
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var number
            )
        )
        {
            return $"{field.Name} must be a whole number in {field.RangeText} (got '{value}').";
        }

        if (number < field.Min || number > field.Max)
        {
            return $"{field.Name} must be between {field.Min:N0} and {field.Max:N0} (got {number:N0}).";
        }

        options = field.Set(options, number);
        return null;
    }

    private static List<OptionField> Build()
    {
        var geoMax = ReferenceData.Instance.Geographies.Count;
        var productMax = ReferenceData.Instance.ProductCapacity;
        return
        [
            new(
                "geographies",
                "Geographies",
                "Network",
                1,
                geoMax,
                o => o.Geographies,
                (o, v) => o with { Geographies = (int)v },
                $"US places drawn from the shipped dictionary ({geoMax} places)."
            ),
            new(
                "stores",
                "Stores",
                "Network",
                1,
                MaxStores,
                o => o.Stores,
                (o, v) => o with { Stores = (int)v },
                "Stores, spread over the geographies by population."
            ),
            new(
                "distributionCenters",
                "Distribution centers",
                "Network",
                1,
                MaxDistributionCenters,
                o => o.DistributionCenters,
                (o, v) => o with { DistributionCenters = (int)v },
                "Distribution centers, one per geography, spread across regions; at most the number of geographies."
            ),
            new(
                "refrigeratedTrucks",
                "Refrigerated DC trucks",
                "Fleet",
                0,
                MaxTrucksPerKind,
                o => o.RefrigeratedTrucks,
                (o, v) => o with { RefrigeratedTrucks = (int)v },
                "Refrigerated trucks of the DC fleet, spread evenly over DCs."
            ),
            new(
                "nonRefrigeratedTrucks",
                "Non-refrigerated DC trucks",
                "Fleet",
                0,
                MaxTrucksPerKind,
                o => o.NonRefrigeratedTrucks,
                (o, v) => o with { NonRefrigeratedTrucks = (int)v },
                "Non-refrigerated trucks of the DC fleet, spread evenly over DCs."
            ),
            new(
                "supplierRefrigeratedTrucks",
                "Refrigerated supplier trucks",
                "Fleet",
                0,
                MaxTrucksPerKind,
                o => o.SupplierRefrigeratedTrucks,
                (o, v) => o with { SupplierRefrigeratedTrucks = (int)v },
                "Refrigerated supplier trucks (no DC)."
            ),
            new(
                "supplierNonRefrigeratedTrucks",
                "Non-refrigerated supplier trucks",
                "Fleet",
                0,
                MaxTrucksPerKind,
                o => o.SupplierNonRefrigeratedTrucks,
                (o, v) => o with { SupplierNonRefrigeratedTrucks = (int)v },
                "Non-refrigerated supplier trucks (no DC)."
            ),
            new(
                "customers",
                "Customers",
                "Customers",
                1,
                MaxCustomers,
                o => o.Customers,
                (o, v) => o with { Customers = (int)v },
                "Customers, spread over the geographies by population."
            ),
            new(
                "products",
                "Products",
                "Products",
                1,
                productMax,
                o => o.Products,
                (o, v) => o with { Products = (int)v },
                $"Products (brand × base product pairs; the catalog holds {productMax:N0})."
            ),
            new(
                "dcInventoryMin",
                "DC quantity min",
                "Inventory",
                0,
                MaxInventory,
                o => o.DcInventoryMin,
                (o, v) => o with { DcInventoryMin = (int)v },
                "Lowest order-up-to level (units) of a product at a DC; levels follow demand and lead time."
            ),
            new(
                "dcInventoryMax",
                "DC quantity max",
                "Inventory",
                0,
                MaxInventory,
                o => o.DcInventoryMax,
                (o, v) => o with { DcInventoryMax = (int)v },
                "Highest order-up-to level (units) of a product at a DC."
            ),
            new(
                "dcReorderPointMin",
                "DC reorder point min",
                "Inventory",
                0,
                MaxInventory,
                o => o.DcReorderPointMin,
                (o, v) => o with { DcReorderPointMin = (int)v },
                "Lowest DC reorder point (units)."
            ),
            new(
                "dcReorderPointMax",
                "DC reorder point max",
                "Inventory",
                0,
                MaxInventory,
                o => o.DcReorderPointMax,
                (o, v) => o with { DcReorderPointMax = (int)v },
                "Highest DC reorder point (units)."
            ),
            new(
                "storeInventoryMin",
                "Store quantity min",
                "Inventory",
                0,
                MaxInventory,
                o => o.StoreInventoryMin,
                (o, v) => o with { StoreInventoryMin = (int)v },
                "Lowest order-up-to level (units) of a product at a store; levels follow demand and lead time."
            ),
            new(
                "storeInventoryMax",
                "Store quantity max",
                "Inventory",
                0,
                MaxInventory,
                o => o.StoreInventoryMax,
                (o, v) => o with { StoreInventoryMax = (int)v },
                "Highest order-up-to level (units) of a product at a store."
            ),
            new(
                "storeReorderPointMin",
                "Store reorder point min",
                "Inventory",
                0,
                MaxInventory,
                o => o.StoreReorderPointMin,
                (o, v) => o with { StoreReorderPointMin = (int)v },
                "Lowest store reorder point (units)."
            ),
            new(
                "storeReorderPointMax",
                "Store reorder point max",
                "Inventory",
                0,
                MaxInventory,
                o => o.StoreReorderPointMax,
                (o, v) => o with { StoreReorderPointMax = (int)v },
                "Highest store reorder point (units)."
            ),
            new(
                "days",
                "Days of history",
                "Facts",
                1,
                730,
                o => o.Days,
                (o, v) => o with { Days = (int)v },
                "Days of transactions from the start date."
            ),
            new(
                "customersPerStorePerDay",
                "Customers per store per day",
                "Facts",
                1,
                5_000,
                o => o.CustomersPerStorePerDay,
                (o, v) => o with { CustomersPerStorePerDay = (int)v },
                "Receipts per store on an average day, before weekday, season and holiday factors."
            ),
            new(
                "onlineOrdersPerDay",
                "Online orders per day",
                "Facts",
                0,
                1_000_000,
                o => o.OnlineOrdersPerDay,
                (o, v) => o with { OnlineOrdersPerDay = (int)v },
                "Online orders on an average day."
            ),
            new(
                "marketingImpressionsPerDay",
                "Marketing impressions per day",
                "Facts",
                0,
                10_000_000,
                o => o.MarketingImpressionsPerDay,
                (o, v) => o with { MarketingImpressionsPerDay = (int)v },
                "Ad impressions on an average day."
            ),
            new(
                "storeOpenHour",
                "Store opening hour",
                "Facts",
                0,
                23,
                o => o.StoreOpenHour,
                (o, v) => o with { StoreOpenHour = (int)v },
                "Hour (0–23) stores open; every store event lies inside open hours."
            ),
            new(
                "storeCloseHour",
                "Store closing hour",
                "Facts",
                1,
                24,
                o => o.StoreCloseHour,
                (o, v) => o with { StoreCloseHour = (int)v },
                "Hour (1–24) stores close; later than the opening hour."
            ),
            new(
                "lateTripPercent",
                "Late trips (%)",
                "Facts",
                0,
                100,
                o => o.LateTripPercent,
                (o, v) => o with { LateTripPercent = (int)v },
                "Share of truck trips that arrive later than their ETA, in percent."
            ),
            new(
                "anonymousPercent",
                "Anonymous receipts (%)",
                "Facts",
                0,
                100,
                o => o.AnonymousPercent,
                (o, v) => o with { AnonymousPercent = (int)v },
                "Share of store receipts with no known customer; most cash sales are anonymous."
            ),
            new(
                "appUserPercent",
                "App users (%)",
                "Facts",
                0,
                100,
                o => o.AppUserPercent,
                (o, v) => o with { AppUserPercent = (int)v },
                "Share of customers who carry the app and are seen by the in-store beacons."
            ),
            new(
                "travelPerMille",
                "Travel receipts (‰)",
                "Facts",
                0,
                1_000,
                o => o.TravelPerMille,
                (o, v) => o with { TravelPerMille = (int)v },
                "Identified receipts per thousand at a store away from the customer's home stores."
            ),
            new(
                "tenderCreditCardWeight",
                "Credit card weight",
                "Facts",
                0,
                1_000,
                o => o.TenderCreditCardWeight,
                (o, v) => o with { TenderCreditCardWeight = (int)v },
                "Relative share of CREDIT_CARD payments."
            ),
            new(
                "tenderDebitCardWeight",
                "Debit card weight",
                "Facts",
                0,
                1_000,
                o => o.TenderDebitCardWeight,
                (o, v) => o with { TenderDebitCardWeight = (int)v },
                "Relative share of DEBIT_CARD payments."
            ),
            new(
                "tenderCashWeight",
                "Cash weight",
                "Facts",
                0,
                1_000,
                o => o.TenderCashWeight,
                (o, v) => o with { TenderCashWeight = (int)v },
                "Relative share of CASH payments."
            ),
            new(
                "tenderMobilePayWeight",
                "Mobile pay weight",
                "Facts",
                0,
                1_000,
                o => o.TenderMobilePayWeight,
                (o, v) => o with { TenderMobilePayWeight = (int)v },
                "Relative share of MOBILE_PAY payments."
            ),
            new(
                "seed",
                "Seed",
                "Run",
                0,
                MaxSeed,
                o => o.Seed,
                (o, v) => o with { Seed = v },
                "Random seed: the same options and seed give identical data."
            ),
            new(
                "batchSize",
                "Batch size",
                "Run",
                100,
                100_000,
                o => o.BatchSize,
                (o, v) => o with { BatchSize = (int)v },
                "Rows per batch (progress and insert unit; does not change the data)."
            ),
            new(
                "threads",
                "Threads",
                "Run",
                1,
                64,
                o => o.Threads,
                (o, v) => o with { Threads = (int)v },
                "Tables generated at once within a stage (does not change the data)."
            ),
        ];
    }
}
