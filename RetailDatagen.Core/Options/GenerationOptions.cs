using System.Text.Json.Serialization;

namespace RetailDatagen.Core.Options;

/// <summary>
/// Everything that shapes a generated dataset. Two runs with equal options (apart from
/// <see cref="Threads"/>, <see cref="BatchSize"/> and <see cref="Format"/>, which never change the rows)
/// produce identical rows.
/// </summary>
public sealed record GenerationOptions
{
    public int Geographies { get; init; } = 100;
    public int Stores { get; init; } = 214;
    public int DistributionCenters { get; init; } = 8;

    // 214 stores over 8 DCs: six trucks of each kind per DC give every store two or more deliveries a week, with
    // refrigerated goods riding refrigerated trucks (8 + 12 left stores a week without a truck).
    public int RefrigeratedTrucks { get; init; } = 48;
    public int NonRefrigeratedTrucks { get; init; } = 48;
    public int SupplierRefrigeratedTrucks { get; init; } = 12;
    public int SupplierNonRefrigeratedTrucks { get; init; } = 18;
    public int Customers { get; init; } = 500_000;
    public int Products { get; init; } = 10_000;

    // Inventory levels follow each item's demand and lead time (DATA-CONTRACT §4); these bound them, in units.
    public int DcInventoryMin { get; init; } = 50;
    public int DcInventoryMax { get; init; } = 500_000;
    public int StoreInventoryMin { get; init; } = 4;
    public int StoreInventoryMax { get; init; } = 20_000;
    public int DcReorderPointMin { get; init; } = 20;
    public int DcReorderPointMax { get; init; } = 250_000;
    public int StoreReorderPointMin { get; init; } = 1;
    public int StoreReorderPointMax { get; init; } = 10_000;

    /// <summary>The kind of retailer: catalog, revenue mix, baskets, promotions and returns (see
    /// retailer-profiles.json).</summary>
    public string Profile { get; init; } = Dictionaries.RetailerProfiles.DefaultName;

    /// <summary>Stores close on Thanksgiving and Christmas Day.</summary>
    public bool ClosedOnHolidays { get; init; } = true;

    /// <summary>Share of truck trips, in percent, that arrive later than their ETA.</summary>
    public int LateTripPercent { get; init; } = 5;

    /// <summary>Share of store receipts, in percent, with no known customer (most cash sales are anonymous).</summary>
    public int AnonymousPercent { get; init; } = 40;

    /// <summary>Share of customers, in percent, who carry the app and so are seen by the in-store BLE
    /// beacons.</summary>
    public int AppUserPercent { get; init; } = 30;

    /// <summary>Identified receipts, per thousand, by a customer shopping away from their home stores
    /// (travel).</summary>
    public int TravelPerMille { get; init; } = 3;

    // System.Text.Json reads and writes DateOnly as yyyy-MM-dd, whatever the culture.
    public DateOnly StartDate { get; init; } = new(2024, 1, 1);

    public long Seed { get; init; } = 42;

    /// <summary>Generate the historical fact tables (false: master data only).</summary>
    public bool GenerateFacts { get; init; } = true;

    /// <summary>Days of history, from <see cref="StartDate"/>.</summary>
    public int Days { get; init; } = 28;

    /// <summary>Receipts per store on an average day (before day-of-week, seasonal and holiday factors).</summary>
    public int CustomersPerStorePerDay { get; init; } = 300;

    public int OnlineOrdersPerDay { get; init; } = 3_000;

    public int MarketingImpressionsPerDay { get; init; } = 50_000;

    /// <summary>Sales tax as a fraction (0.0825 = 8.25%).</summary>
    public double TaxRate { get; init; } = 0.0825;

    /// <summary>First open hour of every store (local time).</summary>
    public int StoreOpenHour { get; init; } = 8;

    /// <summary>Closing hour of every store; the last open hour is one before it.</summary>
    public int StoreCloseHour { get; init; } = 22;

    public int TenderCreditCardWeight { get; init; } = 40;
    public int TenderDebitCardWeight { get; init; } = 30;
    public int TenderCashWeight { get; init; } = 20;
    public int TenderMobilePayWeight { get; init; } = 10;

    /// <summary>Rows per batch: the unit of progress, cancellation and bulk insert. Does not change the data.</summary>
    public int BatchSize { get; init; } = 10_000;

    /// <summary>Tables generated at the same time within a stage. Does not change the data.</summary>
    public int Threads { get; init; } = Math.Max(1, Environment.ProcessorCount);

    [JsonConverter(typeof(JsonStringEnumConverter<OutputFormat>))]
    public OutputFormat Format { get; init; } = OutputFormat.Both;

    /// <summary>The preset these options started from (informational: "small", "standard" or "custom").</summary>
    public string Preset { get; init; } = "standard";
}
