using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// Road distances and what they imply: each store's miles from its serving DC and lead time, each DC's supplier
/// distances, and how often a DC's fleet can visit each of its stores (the review interval its stores plan with).
/// All indexes 0-based.
/// </summary>
public sealed class Routes
{
    private readonly double[] _storeMiles;
    private readonly int[][] _storesOf;
    private readonly double[,] _supplierMiles;
    private readonly int[,] _reviewDays;

    public Routes(MasterPlan plan)
    {
        var o = plan.Options;
        _storeMiles =
        [
            .. plan.Stores.Select(s =>
            {
                var store = plan.Geographies[s.GeographyID - 1];
                var dc = plan.Geographies[plan.DistributionCenters[s.DCID - 1].GeographyID - 1];
                return Math.Max(
                    SupplyChain.LocalMiles,
                    GeoMath.DistanceKm(store.Latitude, store.Longitude, dc.Latitude, dc.Longitude)
                        / 1.609344
                        * SupplyChain.RoadFactor
                );
            }),
        ];
        _storesOf =
        [
            .. Enumerable
                .Range(1, o.DistributionCenters)
                .Select(dc => plan.Stores.Where(s => s.DCID == dc).Select(s => s.ID - 1).ToArray()),
        ];
        _supplierMiles = new double[o.DistributionCenters, 2];
        _reviewDays = new int[o.DistributionCenters, 2];
        var openHours = o.StoreCloseHour - o.StoreOpenHour;
        for (var d = 0; d < o.DistributionCenters; d++)
        {
            for (var cold = 0; cold < 2; cold++)
            {
                var random = new RowRandom(o.Seed, RandomStream.Routes, (d * 2) + cold);
                _supplierMiles[d, cold] = random.Uniform(SupplyChain.MinSupplierMiles, SupplyChain.MaxSupplierMiles);
            }

            var fleet = plan.Trucks.Where(t => t.DCID == d + 1).ToArray();
            var stores = _storesOf[d];
            var roundTrip = stores.Length == 0 ? 1 : stores.Average(s => RoundTripHours(_storeMiles[s]));

            // A truck fits another trip while its arrival still lands in store hours: about (open hours + one-way
            // drive) / round trip trips a day, at least one trip per the days a long haul takes.
            var perTruck = Math.Max(
                1.0 / Math.Ceiling(roundTrip / 24),
                Math.Min(6, (openHours + (roundTrip / 2)) / roundTrip)
            );
            var all = fleet.Length * perTruck * SupplyChain.FleetUtilisation;
            var coldTrips = fleet.Count(t => t.Refrigeration) * perTruck * SupplyChain.FleetUtilisation;
            _reviewDays[d, 0] = Interval(stores.Length, all);
            _reviewDays[d, 1] = Interval(stores.Length, coldTrips);
        }
    }

    /// <summary>Road miles from a store's serving DC to the store.</summary>
    public double StoreMiles(int store) => _storeMiles[store];

    /// <summary>Road miles from a DC's supplier (dry or refrigerated goods) to the DC.</summary>
    public double SupplierMiles(int dc, bool cold) => _supplierMiles[dc, cold ? 1 : 0];

    /// <summary>The stores (0-based) a DC (0-based) serves.</summary>
    public IReadOnlyList<int> StoresOf(int dc) => _storesOf[dc];

    /// <summary>Days between the order (at the end of a day) and the delivery: one, plus the days a long haul
    /// drives.</summary>
    public int StoreLeadDays(int store) => 1 + (int)Math.Floor(OneWayHours(_storeMiles[store]) / 24);

    /// <summary>Supplier lead time of a DC in days: the order goes out at the end of a day, the truck drives, and
    /// unloads.</summary>
    public int SupplierLeadDays(int dc, bool cold) => 1 + (int)Math.Ceiling(OneWayHours(SupplierMiles(dc, cold)) / 24);

    /// <summary>Days between deliveries a DC's fleet can give each of its stores (refrigerated goods ride only
    /// refrigerated trucks); 1–7.</summary>
    public int ReviewDays(int dc, bool cold) => _reviewDays[dc, cold ? 1 : 0];

    /// <summary>Drive time at the average speed of the speed range.</summary>
    public static double OneWayHours(double miles) => miles / ((SupplyChain.MinSpeedMph + SupplyChain.MaxSpeedMph) / 2);

    private static double RoundTripHours(double miles) =>
        (2 * OneWayHours(miles))
        + (
            (
                SupplyChain.MaxLoadMinutes
                + SupplyChain.MaxUnloadMinutes
                + SupplyChain.ScheduleToLoadMinutes
                + SupplyChain.ArriveToUnloadMinutes
            ) / 60.0
        );

    private static int Interval(int stores, double tripsPerDay) =>
        tripsPerDay <= 0 ? 7 : Math.Clamp((int)Math.Ceiling(stores / tripsPerDay), 1, 7);
}
