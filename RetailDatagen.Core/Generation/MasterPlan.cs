using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// The key pools later tables need (geographies, DCs, stores, trucks, the product picks), each a pure
/// function of the options and computed once on first use. Large tables (customers, snapshots) are never
/// held: their rows are recomputed from the index.
/// </summary>
public sealed class MasterPlan
{
    private readonly Lazy<Geography[]> _geographies;
    private readonly Lazy<GeographyEntry[]> _geographyEntries;
    private readonly Lazy<double[]> _geographyWeights;
    private readonly Lazy<AliasTable> _geographyAlias;
    private readonly Lazy<AliasTable> _storeSiteAlias;
    private readonly Lazy<DistributionCenter[]> _distributionCenters;
    private readonly Lazy<int[]> _nearestDcByGeography;
    private readonly Lazy<Store[]> _stores;
    private readonly Lazy<Truck[]> _trucks;
    private readonly Lazy<ProductPick[]> _productPicks;
    private readonly Lazy<Vocabulary> _vocabulary;
    private readonly Lazy<TradeAreas> _tradeAreas;
    private readonly Lazy<DemandModel> _demand;

    public MasterPlan(GenerationOptions options, ReferenceData? reference = null)
    {
        Options = options;
        Reference = reference ?? ReferenceData.Instance;
        var selection = new Lazy<(Geography[] Rows, GeographyEntry[] Entries, double[] Weights)>(SelectGeographies);
        _geographies = new(() => selection.Value.Rows);
        _geographyEntries = new(() => selection.Value.Entries);
        _geographyWeights = new(() => selection.Value.Weights);
        _geographyAlias = new(() => new AliasTable(_geographyWeights.Value));
        _storeSiteAlias = new(() =>
            new AliasTable([.. _geographyWeights.Value.Select(w => Math.Pow(w, StoreSiteExponent))])
        );
        _distributionCenters = new(PlaceDistributionCenters);
        _nearestDcByGeography = new(NearestDcs);
        _stores = new(PlaceStores);
        _trucks = new(BuildFleet);
        _productPicks = new(() => ProductCatalogPlanner.Pick(Reference, Profile, options.Products, options.Seed));
        _vocabulary = new(() => Vocabulary.Create(Reference));
        _tradeAreas = new(() => new TradeAreas(this));
        _demand = new(() => new DemandModel(this));
    }

    public GenerationOptions Options { get; }
    public ReferenceData Reference { get; }

    public IReadOnlyList<Geography> Geographies => _geographies.Value;

    /// <summary>The dictionary entry (population, ZIPs, area codes) of each selected geography, by index.</summary>
    public IReadOnlyList<GeographyEntry> GeographyEntries => _geographyEntries.Value;
    public AliasTable GeographyAlias => _geographyAlias.Value;
    public IReadOnlyList<DistributionCenter> DistributionCenters => _distributionCenters.Value;
    public IReadOnlyList<Store> Stores => _stores.Value;
    public IReadOnlyList<Truck> Trucks => _trucks.Value;
    public IReadOnlyList<ProductPick> ProductPicks => _productPicks.Value;
    public Vocabulary Vocabulary => _vocabulary.Value;

    /// <summary>Where customers live and shop; built on first use (after the stores).</summary>
    public TradeAreas TradeAreas => _tradeAreas.Value;

    /// <summary>The retailer profile the options name.</summary>
    public RetailerProfile Profile => RetailerProfiles.Instance.Get(Options.Profile);

    /// <summary>Expected demand per product and store, and the inventory policy built on it.</summary>
    public DemandModel Demand => _demand.Value;

    /// <summary>The timestamp of every snapshot row: the start date at midnight.</summary>
    public DateTime SnapshotTime => Options.StartDate.ToDateTime(TimeOnly.MinValue);

    /// <summary>The serving DC (1-based id) of a geography (1-based id): the nearest by great-circle
    /// distance.</summary>
    public int NearestDc(int geographyId) => _nearestDcByGeography.Value[geographyId - 1];

    // Efraimidis–Spirakis weighted sampling without replacement: key = ln(u) / weight, keep the largest.
    private (Geography[] Rows, GeographyEntry[] Entries, double[] Weights) SelectGeographies()
    {
        var entries = Reference.Geographies;
        var picked = entries
            .Select(
                (entry, index) =>
                {
                    var random = new RowRandom(Options.Seed, RandomStream.GeographySelection, index);
                    var u = 1.0 - random.NextDouble();
                    return (entry, index, key: Math.Log(u) / Math.Max(1, entry.Population));
                }
            )
            .OrderByDescending(x => x.key)
            .ThenBy(x => x.index)
            .Take(Options.Geographies)
            .Select(x => x.entry)
            .OrderBy(e => e.State, StringComparer.Ordinal)
            .ThenBy(e => e.City, StringComparer.Ordinal)
            .ToArray();
        var rows = picked
            .Select(
                (e, i) =>
                    new Geography
                    {
                        ID = i + 1,
                        City = e.City,
                        State = e.State,
                        ZipCode = e.ZipCode,
                        District = e.District,
                        Region = e.Region,
                        Latitude = Math.Round(e.Latitude, 4),
                        Longitude = Math.Round(e.Longitude, 4),
                    }
            )
            .ToArray();
        return (rows, picked, picked.Select(e => (double)Math.Max(1, e.Population)).ToArray());
    }

    // Round-robin over regions (largest first), taking each region's largest place in a state not yet used;
    // when every state is used, the largest remaining places.
    private DistributionCenter[] PlaceDistributionCenters()
    {
        var geographies = Geographies;
        var weights = _geographyWeights.Value;
        var byRegion = geographies
            .Select((g, i) => (g, weight: weights[i]))
            .GroupBy(x => x.g.Region, StringComparer.Ordinal)
            .Select(grp =>
                (
                    region: grp.Key,
                    total: grp.Sum(x => x.weight),
                    queue: grp.OrderByDescending(x => x.weight).ThenBy(x => x.g.ID).Select(x => x.g).ToList()
                )
            )
            .OrderByDescending(x => x.total)
            .ThenBy(x => x.region, StringComparer.Ordinal)
            .ToList();
        var usedStates = new HashSet<string>(StringComparer.Ordinal);
        var chosen = new List<Geography>();
        var progressed = true;
        while (chosen.Count < Options.DistributionCenters && progressed)
        {
            progressed = false;
            foreach (var (_, _, queue) in byRegion)
            {
                if (chosen.Count == Options.DistributionCenters)
                {
                    break;
                }

                var candidate = queue.FirstOrDefault(g => !usedStates.Contains(g.State));
                if (candidate is not null)
                {
                    chosen.Add(candidate);
                    usedStates.Add(candidate.State);
                    queue.Remove(candidate);
                    progressed = true;
                }
            }
        }

        if (chosen.Count < Options.DistributionCenters)
        {
            var rest = geographies
                .Select((g, i) => (g, weight: weights[i]))
                .Where(x => !chosen.Contains(x.g))
                .OrderByDescending(x => x.weight)
                .ThenBy(x => x.g.ID)
                .Select(x => x.g);
            chosen.AddRange(rest.Take(Options.DistributionCenters - chosen.Count));
        }

        return chosen
            .Select(
                (g, i) =>
                {
                    var random = new RowRandom(Options.Seed, RandomStream.DistributionCenters, i);
                    return new DistributionCenter
                    {
                        ID = i + 1,
                        DCNumber = $"DC{i + 1:D3}",
                        Address = Addresses.Industrial(ref random, g),
                        GeographyID = g.ID,
                    };
                }
            )
            .ToArray();
    }

    private int[] NearestDcs()
    {
        var dcs = DistributionCenters.Select(dc => (dc.ID, place: Geographies[dc.GeographyID - 1])).ToArray();
        return Geographies
            .Select(g =>
                dcs.OrderBy(dc => GeoMath.DistanceKm(g.Latitude, g.Longitude, dc.place.Latitude, dc.place.Longitude))
                    .ThenBy(dc => dc.ID)
                    .First()
                    .ID
            )
            .ToArray();
    }

    // Chains open fewer stores per head in big metros than in towns (a store's trade area covers more
    // people there), so stores follow population^0.6: big-city stores are busier, and store volume follows
    // the population living around the store (DATA-CONTRACT §4).
    private const double StoreSiteExponent = 0.6;

    private Store[] PlaceStores()
    {
        var stores = new Store[Options.Stores];
        for (var i = 0; i < stores.Length; i++)
        {
            var random = new RowRandom(Options.Seed, RandomStream.Stores, i);
            var place = Geographies[_storeSiteAlias.Value.Sample(ref random)];
            stores[i] = new Store
            {
                ID = i + 1,
                StoreNumber = $"S{i + 1:D6}",
                Address = Addresses.Commercial(ref random, Vocabulary, place),
                GeographyID = place.ID,
                DCID = NearestDc(place.ID),
            };
        }

        return stores;
    }

    // DC trucks are dealt round-robin over DCs, refrigerated first, so each DC gets one refrigerated truck
    // while any remain; supplier trucks follow with no DC.
    private Truck[] BuildFleet()
    {
        var o = Options;
        var plates = new FeistelPermutation(LicensePlates.Domain, o.Seed, RandomStream.LicensePlates);
        var trucks = new List<Truck>();
        void Add(bool refrigerated, int? dc) =>
            trucks.Add(
                new Truck
                {
                    ID = trucks.Count + 1,
                    LicensePlate = LicensePlates.Format(plates.Permute((ulong)trucks.Count)),
                    Refrigeration = refrigerated,
                    DCID = dc,
                }
            );
        var dcCount = DistributionCenters.Count;
        for (var i = 0; i < o.RefrigeratedTrucks; i++)
        {
            Add(true, (i % dcCount) + 1);
        }

        for (var i = 0; i < o.NonRefrigeratedTrucks; i++)
        {
            Add(false, ((i + o.RefrigeratedTrucks) % dcCount) + 1);
        }

        for (var i = 0; i < o.SupplierRefrigeratedTrucks; i++)
        {
            Add(true, null);
        }

        for (var i = 0; i < o.SupplierNonRefrigeratedTrucks; i++)
        {
            Add(false, null);
        }

        return [.. trucks];
    }
}
