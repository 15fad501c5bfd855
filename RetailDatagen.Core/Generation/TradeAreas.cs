using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// Where customers live and where they shop (DATA-CONTRACT §4, trade areas). Customers live in the places
/// within <see cref="ReachMiles"/> of a store, weighted by population, at a home inside one of the place's real
/// ZIP areas; each has 1–3 home stores picked by Huff's gravity model (store size over squared distance).
/// Everything about one customer is a pure function of (seed, customer index); the per-store indexes the fact
/// simulation draws from are built once, on first use.
/// </summary>
public sealed class TradeAreas
{
    /// <summary>How far a customer travels to a home store, in miles.</summary>
    public const double ReachMiles = 50;

    /// <summary>The radius of <see cref="CustomersWithin25Miles"/>.</summary>
    public const double NearbyMiles = 25;

    internal const double KmPerMile = 1.609344;
    internal const double ReachKm = ReachMiles * KmPerMile;
    internal const double NearbyKm = NearbyMiles * KmPerMile;
    internal const int MaxHomeStores = 3;

    private const double KmPerDegree = 111.195;

    // A home lies at most this far from the centroid it was placed around; ZIP areas are eligible only when
    // their centroid is this much inside the reach, so every home has a store within 50 miles.
    private const double MaxJitterKm = 3.0;
    private const double ZipJitterKm = 1.5;

    // Huff's model: a store attracts in proportion to size / (distance + offset)^2; the offset keeps the
    // store next door from taking every visit.
    private const double DistanceOffsetKm = 2.0;

    // Planar distances are exact to well under this band within the reach; inside it, the haversine decides.
    private const double PlanarToleranceKm = 3.0;

    // Visit propensity: lognormal (sigma 1.0: the top tenth of shoppers carry ~40% of the weight), doubled
    // for loyalty members, who are 40% of customers.
    private const double ActivitySigma = 1.0;
    private const double LoyaltyShare = 0.4;
    private const double LoyaltyBoost = 2.0;

    private readonly long _seed;
    private readonly StoreSite[] _stores;
    private readonly PlaceArea[] _places;
    private readonly AliasTable _placeAlias;
    private readonly Lazy<TradeAreaIndex> _index;

    public TradeAreas(MasterPlan plan)
    {
        _seed = plan.Options.Seed;
        CustomerCount = plan.Options.Customers;
        _stores =
        [
            .. plan.Stores.Select(s =>
            {
                var place = plan.Geographies[s.GeographyID - 1];
                var random = new RowRandom(_seed, RandomStream.StoreSizes, s.ID - 1);
                return new StoreSite(place.Latitude, place.Longitude, Math.Exp(0.3 * Normal(ref random)));
            }),
        ];
        _places = BuildPlaces(plan);
        _placeAlias = new AliasTable([.. _places.Select(p => p.Weight)]);
        _index = new(() => new TradeAreaIndex(this, plan.Options.Stores));
    }

    /// <summary>The run's customer count (indexes are 0-based below it).</summary>
    public int CustomerCount { get; }

    /// <summary>Store count of the run (store ids are 1-based up to it).</summary>
    public int StoreCount => _stores.Length;

    /// <summary>The ids of the geographies customers live in (those with a store within reach).</summary>
    public IReadOnlyList<int> ResidentialGeographyIds => [.. _places.Select(p => p.GeographyId)];

    private TradeAreaIndex Index => _index.Value;

    /// <summary>Relative floor area of a store (mean about 1): larger stores draw from further away.</summary>
    public double StoreSize(int storeId) => _stores[storeId - 1].Size;

    /// <summary>The customer's home, ZIP and home stores (a pure function of seed and index; allocates
    /// nothing).</summary>
    public CustomerHome Locate(long customerIndex) => Locate(customerIndex, out _);

    /// <summary>How many home stores (1–3) the customer has.</summary>
    public int HomeStoreCount(int customerIndex) => Index.HomeStoreCount(customerIndex);

    /// <summary>The customer's k-th home store (1-based store id), strongest first.</summary>
    public int HomeStore(int customerIndex, int k) => Index.HomeStore(customerIndex, k);

    /// <summary>One of the customer's home stores (1-based id), drawn by its home-store weight.</summary>
    public int DrawHomeStore(int customerIndex, ref RowRandom random) => Index.DrawHomeStore(customerIndex, ref random);

    /// <summary>A customer (0-based index) who shops at the store, by home-store weight × activity; −1 if none
    /// does.</summary>
    public int DrawCustomer(int storeId, ref RowRandom random) => Index.DrawCustomer(storeId, ref random);

    /// <summary>How many customers have the store among their home stores.</summary>
    public int HomeCustomerCount(int storeId) => Index.HomeCustomerCount(storeId);

    /// <summary>The store's shopper population (Σ activity × home-store weight), relative to the mean store
    /// (1.0).</summary>
    public double StoreDemandWeight(int storeId) => Index.DemandWeight(storeId);

    /// <summary>How many customers live within <see cref="NearbyMiles"/> of the store.</summary>
    public int CustomersWithin25Miles(int storeId) => Index.CustomersNearby(storeId);

    /// <summary>Any store (1-based id), by demand weight: where a travelling customer shops.</summary>
    public int DrawTravelStore(ref RowRandom random) => Index.DrawTravelStore(ref random);

    /// <summary>Whether the customer is a loyalty member (40%; a pure function of seed and index).</summary>
    public bool IsLoyaltyMember(int customerIndex)
    {
        var random = new RowRandom(_seed, RandomStream.CustomerActivity, customerIndex);
        return random.NextDouble() < LoyaltyShare;
    }

    /// <summary>The customer's visit propensity (mean about 1.4; heavy-tailed; members × 2).</summary>
    public double ActivityWeight(int customerIndex)
    {
        var random = new RowRandom(_seed, RandomStream.CustomerActivity, customerIndex);
        var member = random.NextDouble() < LoyaltyShare;
        var weight = Math.Exp((ActivitySigma * Normal(ref random)) - (ActivitySigma * ActivitySigma / 2));
        return member ? weight * LoyaltyBoost : weight;
    }

    internal CustomerHome Locate(long customerIndex, out int placeIndex)
    {
        var random = new RowRandom(_seed, RandomStream.CustomerHomes, customerIndex);
        placeIndex = _placeAlias.Sample(ref random);
        var place = _places[placeIndex];
        var zip = random.NextInt(place.Zips.Length);
        var radius = place.JitterKm * Math.Sqrt(random.NextDouble());
        var angle = 2 * Math.PI * random.NextDouble();
        var latitude = Math.Round(place.Zips[zip].Latitude + (radius * Math.Cos(angle) / KmPerDegree), 4);
        var longitude = Math.Round(
            place.Zips[zip].Longitude + (radius * Math.Sin(angle) / (KmPerDegree * place.CosLatitude)),
            4
        );
        // A home closer to its centroid than half the way to any other centroid of the place is nearest to it.
        var nearestZip = radius < place.ZipClearanceKm[zip] ? place.Zips[zip] : NearestZip(place, latitude, longitude);
        Span<int> stores = stackalloc int[MaxHomeStores];
        Span<double> weights = stackalloc double[MaxHomeStores];
        var count = PickHomeStores(place, latitude, longitude, ref random, stores, weights);
        return new CustomerHome(
            place.GeographyId,
            nearestZip.ZipCode,
            latitude,
            longitude,
            count,
            stores[0] + 1,
            count > 1 ? stores[1] + 1 : 0,
            count > 2 ? stores[2] + 1 : 0,
            weights[0],
            count > 1 ? weights[1] : 0,
            count > 2 ? weights[2] : 0
        );
    }

    /// <summary>Adds one to the count (0-based store index) of every store within 25 miles of a home.</summary>
    internal void CountStoresNearby(int placeIndex, double latitude, double longitude, int[] counts)
    {
        var place = _places[placeIndex];
        foreach (var s in place.CandidateStores)
        {
            if (DistanceKm(place, latitude, longitude, s) <= NearbyKm)
            {
                counts[s]++;
            }
        }
    }

    internal static double Normal(ref RowRandom random)
    {
        var u = 1.0 - random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble());
    }

    // Efraimidis–Spirakis: each store within reach gets key ln(u) / weight and the largest keys win, so a
    // customer's home stores are drawn in proportion to their gravity without replacement, and equally near
    // stores (several in one city) share the city's customers by size rather than by id.
    private int PickHomeStores(
        PlaceArea place,
        double latitude,
        double longitude,
        ref RowRandom random,
        Span<int> stores,
        Span<double> weights
    )
    {
        Span<double> keys = stackalloc double[MaxHomeStores];
        var count = 0;
        foreach (var s in place.CandidateStores)
        {
            var km = DistanceKm(place, latitude, longitude, s);
            if (km > ReachKm)
            {
                continue;
            }

            var gravity = _stores[s].Size / ((km + DistanceOffsetKm) * (km + DistanceOffsetKm));
            var key = Math.Log(1.0 - random.NextDouble()) / gravity;
            var slot = count < MaxHomeStores ? count++ : MaxHomeStores;
            if (slot == MaxHomeStores)
            {
                var weakest = 0;
                for (var k = 1; k < MaxHomeStores; k++)
                {
                    weakest = keys[k] < keys[weakest] ? k : weakest;
                }

                if (key <= keys[weakest])
                {
                    continue;
                }

                slot = weakest;
            }

            (stores[slot], weights[slot], keys[slot]) = (s, gravity, key);
        }

        if (count == 0)
        {
            (stores[0], weights[0]) = (NearestStore(latitude, longitude), 1.0);
            return 1;
        }

        SortByWeight(stores[..count], weights[..count]);
        var total = 0.0;
        foreach (var w in weights[..count])
        {
            total += w;
        }

        for (var k = 0; k < count; k++)
        {
            weights[k] /= total;
        }

        return count;
    }

    private static void SortByWeight(Span<int> stores, Span<double> weights)
    {
        for (var i = 1; i < stores.Length; i++)
        {
            for (
                var j = i;
                j > 0 && (weights[j] > weights[j - 1] || (weights[j] == weights[j - 1] && stores[j] < stores[j - 1]));
                j--
            )
            {
                (stores[j], stores[j - 1]) = (stores[j - 1], stores[j]);
                (weights[j], weights[j - 1]) = (weights[j - 1], weights[j]);
            }
        }
    }

    private int NearestStore(double latitude, double longitude)
    {
        var best = 0;
        var bestKm = double.MaxValue;
        for (var s = 0; s < _stores.Length; s++)
        {
            var km = GeoMath.DistanceKm(latitude, longitude, _stores[s].Latitude, _stores[s].Longitude);
            (best, bestKm) = km < bestKm ? (s, km) : (best, bestKm);
        }

        return best;
    }

    private static ZipEntry NearestZip(PlaceArea place, double latitude, double longitude)
    {
        var best = place.Zips[0];
        var bestSquare = double.MaxValue;
        foreach (var zip in place.Zips)
        {
            var dy = zip.Latitude - latitude;
            var dx = (zip.Longitude - longitude) * place.CosLatitude;
            var square = (dx * dx) + (dy * dy);
            (best, bestSquare) = square < bestSquare ? (zip, square) : (best, bestSquare);
        }

        return best;
    }

    // An equirectangular distance around the place (cheap); the haversine settles the cases near a threshold.
    private double DistanceKm(PlaceArea place, double latitude, double longitude, int store)
    {
        var site = _stores[store];
        var dy = (site.Latitude - latitude) * KmPerDegree;
        var dx = (site.Longitude - longitude) * KmPerDegree * place.CosLatitude;
        var km = Math.Sqrt((dx * dx) + (dy * dy));
        return Math.Abs(km - ReachKm) < PlanarToleranceKm || Math.Abs(km - NearbyKm) < PlanarToleranceKm
            ? GeoMath.DistanceKm(latitude, longitude, site.Latitude, site.Longitude)
            : km;
    }

    private PlaceArea[] BuildPlaces(MasterPlan plan)
    {
        const double eligibleKm = ReachKm - MaxJitterKm - 0.1;
        double NearestStoreKm(double lat, double lon) =>
            _stores.Min(s => GeoMath.DistanceKm(lat, lon, s.Latitude, s.Longitude));

        var places = new List<PlaceArea>();
        for (var g = 0; g < plan.Geographies.Count; g++)
        {
            var geography = plan.Geographies[g];
            var entry = plan.GeographyEntries[g];
            ZipEntry[] all =
                entry.Zips.Count > 0
                    ? [.. entry.Zips]
                    : [new ZipEntry(geography.ZipCode, geography.Latitude, geography.Longitude)];
            var zips = all.Where(z => NearestStoreKm(z.Latitude, z.Longitude) <= eligibleKm).ToArray();
            if (zips.Length > 0)
            {
                places.Add(
                    Place(geography.ID, geography.Latitude, geography.Longitude, entry.Population, all.Length, zips)
                );
            }
        }

        if (places.Count == 0)
        {
            // Unreachable while stores sit in selected places; kept so a customer always has a home.
            var g = plan.Stores[0].GeographyID - 1;
            var geography = plan.Geographies[g];
            places.Add(
                Place(
                    geography.ID,
                    geography.Latitude,
                    geography.Longitude,
                    1,
                    1,
                    [new ZipEntry(geography.ZipCode, geography.Latitude, geography.Longitude)]
                )
            );
        }

        return [.. places];
    }

    private PlaceArea Place(
        int geographyId,
        double latitude,
        double longitude,
        long population,
        int zipCount,
        ZipEntry[] zips
    )
    {
        // A place with one ZIP in the dictionary spreads its homes over a disc sized by its population.
        var jitter = zipCount > 1 ? ZipJitterKm : Math.Clamp(Math.Sqrt(population) / 150.0, 1.0, MaxJitterKm);
        var spread = zips.Max(z => GeoMath.DistanceKm(latitude, longitude, z.Latitude, z.Longitude)) + jitter;
        var candidates = Enumerable
            .Range(0, _stores.Length)
            .Where(s =>
                GeoMath.DistanceKm(latitude, longitude, _stores[s].Latitude, _stores[s].Longitude)
                <= ReachKm + spread + PlanarToleranceKm
            )
            .ToArray();
        // Just under half the distance to the nearest other centroid: the margin covers the planar metric of
        // NearestZip and rounding the home to 4 decimals.
        var clearance = zips.Select(z =>
                (
                    zips.Where(o => o != z)
                        .Select(o => GeoMath.DistanceKm(z.Latitude, z.Longitude, o.Latitude, o.Longitude))
                        .DefaultIfEmpty(double.MaxValue)
                        .Min() * 0.48
                ) - 0.05
            )
            .ToArray();
        return new PlaceArea(
            geographyId,
            zips,
            clearance,
            jitter,
            Math.Cos(latitude * Math.PI / 180.0),
            candidates,
            Math.Max(1, population) * zips.Length / (double)zipCount
        );
    }

    private sealed record StoreSite(double Latitude, double Longitude, double Size);

    private sealed record PlaceArea(
        int GeographyId,
        ZipEntry[] Zips,
        double[] ZipClearanceKm,
        double JitterKm,
        double CosLatitude,
        int[] CandidateStores,
        double Weight
    );
}
