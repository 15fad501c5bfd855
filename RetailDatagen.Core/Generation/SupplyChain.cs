namespace RetailDatagen.Core.Generation;

/// <summary>
/// The tuning numbers of merchandise and supply chain, each with its unit and the reason for its value. The retailer
/// profile holds what differs between kinds of retailer; these hold for all of them.
/// </summary>
public static class SupplyChain
{
    /// <summary>Road miles per great-circle mile: US road circuity is about 1.2 (Ballou, Rahardja and Sakai 2002); 1.25
    /// adds access roads.</summary>
    public const double RoadFactor = 1.25;

    /// <summary>Miles from a DC to a store in its own city (great-circle distance 0).</summary>
    public const double LocalMiles = 8;

    /// <summary>Average truck speed over a trip in mph, traffic and rest included: drawn per trip from this range
    /// (legal top speed is 55–70).</summary>
    public const double MinSpeedMph = 42;

    public const double MaxSpeedMph = 54;

    /// <summary>Minutes to load a trip at the DC or the supplier (drawn per trip).</summary>
    public const int MinLoadMinutes = 40;

    public const int MaxLoadMinutes = 75;

    /// <summary>Minutes to unload at a store or DC (drawn per trip).</summary>
    public const int MinUnloadMinutes = 30;

    public const int MaxUnloadMinutes = 60;

    /// <summary>Minutes between scheduling a trip and the start of loading (paperwork, yard move).</summary>
    public const int ScheduleToLoadMinutes = 15;

    /// <summary>Minutes between arriving at a store and starting to unload (check-in, dock).</summary>
    public const int ArriveToUnloadMinutes = 10;

    /// <summary>A late trip arrives this many minutes after its ETA (drawn per trip); stores plan ETAs so even late
    /// trips unload before closing.</summary>
    public const int MinLateMinutes = 20;

    public const int MaxLateMinutes = 90;

    /// <summary>An on-time trip arrives up to this many minutes before its ETA.</summary>
    public const int MaxEarlyMinutes = 12;

    /// <summary>Supplier distance to a DC in road miles (a regional consolidator), drawn per DC and temperature
    /// class.</summary>
    public const double MinSupplierMiles = 90;

    public const double MaxSupplierMiles = 420;

    /// <summary>Days a trip may take from scheduling to arrival (long hauls, e.g. to Alaska or Hawaii, arrive days
    /// later).</summary>
    public const int MaxTripDays = 6;

    /// <summary>Service factor for safety stock: z = 1.65 covers 95% of demand over the exposure period.</summary>
    public const double ServiceZ = 1.65;

    /// <summary>Demand multiplier for busy days (Saturdays run at 1.4 × an average day), applied to expected demand in
    /// reorder points.</summary>
    public const double PeakFactor = 1.3;

    /// <summary>Fewest units a store keeps of any product it carries (a shelf facing).</summary>
    public const int MinFacings = 2;

    /// <summary>Days of expected demand a DC orders beyond its reorder point (roughly a weekly buying cycle).</summary>
    public const double DcOrderCycleDays = 7;

    /// <summary>Extra days a DC's reorder point covers beyond the supplier lead time, for lumpy store orders.</summary>
    public const double DcSafetyDays = 2;

    /// <summary>Fleet planning slack: review intervals assume 80% of the theoretical trips.</summary>
    public const double FleetUtilisation = 0.8;

    /// <summary>Days over which a new product's demand ramps from 30% to 100%.</summary>
    public const int LaunchRampDays = 28;

    /// <summary>Share of online orders fulfilled from stores (ship-from-store and pickup); the rest ship from
    /// DCs.</summary>
    public const double OnlineFromStoreShare = 0.45;

    /// <summary>Average lines × units of an online order, for demand planning.</summary>
    public const double OnlineUnitsPerOrder = 4.5;
}
