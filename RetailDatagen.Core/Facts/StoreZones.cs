using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// The one zone list of a store, shared by the BLE beacons and the foot-traffic sensors: the entrance, a zone per
/// group of departments, and the checkout. Dwell is the mean seconds a visitor spends in the zone per visit.
/// </summary>
internal static class StoreZones
{
    public static readonly string[] All =
    [
        FactCodes.Zone.Entrance,
        "GROCERY",
        "FRESH",
        "HEALTH_BEAUTY",
        "HOUSEHOLD",
        "HOME",
        "APPAREL",
        "ELECTRONICS",
        "TOYS_SPORTS",
        FactCodes.Zone.Checkout,
    ];

    /// <summary>Mean dwell per visit in seconds, by zone (the entrance is walked through; shelves are
    /// browsed).</summary>
    public static readonly int[] MeanDwellSeconds = [45, 420, 360, 240, 240, 300, 480, 420, 300, 210];

    /// <summary>Metres from the zone's beacon a visitor usually stands (open floor zones are larger).</summary>
    public static readonly double[] BeaconReachMetres = [3, 12, 10, 8, 8, 10, 10, 8, 10, 4];

    private static readonly Dictionary<string, int> ByDepartment = new(StringComparer.Ordinal)
    {
        ["Grocery"] = 1,
        ["Beverages"] = 1,
        ["Bakery"] = 1,
        ["Produce"] = 2,
        ["Dairy"] = 2,
        ["Meat & Seafood"] = 2,
        ["Frozen"] = 2,
        ["Health & Beauty"] = 3,
        ["Baby"] = 3,
        ["Household"] = 4,
        ["Pet"] = 4,
        ["Home & Garden"] = 5,
        ["Clothing"] = 6,
        ["Electronics"] = 7,
        ["Toys"] = 8,
        ["Sports & Outdoors"] = 8,
    };

    public const int Entrance = 0;
    public static int Checkout => All.Length - 1;

    /// <summary>The zone (index into <see cref="All"/>) where a department's shelves are.</summary>
    public static int OfDepartment(string department) => ByDepartment.GetValueOrDefault(department, 1);
}
