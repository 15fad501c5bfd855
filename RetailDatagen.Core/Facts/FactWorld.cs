using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// What the fact simulation knows of the master data and the running inventory state. Inventory starts
/// from the snapshot tables (regenerated from their row indexes, so they are identical to what was written).
/// </summary>
internal sealed class FactWorld
{
    public FactWorld(MasterPlan plan)
    {
        Plan = plan;
        Options = plan.Options;
        var productGenerator = new ProductGenerator(plan);
        Products = [.. Enumerable.Range(0, Options.Products).Select(i => (Product)productGenerator.Create(i))];
        LaunchDay = [.. Products.Select(p => p.LaunchDate.DayNumber)];
        Popularity = BuildPopularity();
        Customers = new CustomerGenerator(plan);
        ProductCount = Options.Products;

        var stores = new StoreInventorySnapshotGenerator(plan);
        StoreQty = new int[Options.Stores][];
        StoreReorder = new int[Options.Stores][];
        StoreTarget = new int[Options.Stores][];
        for (var s = 0; s < Options.Stores; s++)
        {
            (StoreQty[s], StoreReorder[s], StoreTarget[s]) = Levels(i => (StoreInventorySnapshot)stores.Create(((long)s * ProductCount) + i), x => x.CurrentQuantity, x => x.ReorderPoint);
        }

        var dcs = new DcInventorySnapshotGenerator(plan);
        DcQty = new int[Options.DistributionCenters][];
        DcReorder = new int[Options.DistributionCenters][];
        DcTarget = new int[Options.DistributionCenters][];
        for (var d = 0; d < Options.DistributionCenters; d++)
        {
            (DcQty[d], DcReorder[d], DcTarget[d]) = Levels(i => (DcInventorySnapshot)dcs.Create(((long)d * ProductCount) + i), x => x.CurrentQuantity, x => x.ReorderPoint);
        }

        StoresByDc = [.. Enumerable.Range(1, Options.DistributionCenters).Select(dc => plan.Stores.Where(s => s.DCID == dc).Select(s => s.ID).ToArray())];
        StoreTrafficFactor = [.. Enumerable.Range(0, Options.Stores).Select(s => new RowRandom(Options.Seed, RandomStream.StoreTraffic, s).Uniform(0.7, 1.3))];
        TravelMinutes = [.. plan.Stores.Select(s =>
        {
            var store = plan.Geographies[s.GeographyID - 1];
            var dc = plan.Geographies[plan.DistributionCenters[s.DCID - 1].GeographyID - 1];
            var km = GeoMath.DistanceKm(store.Latitude, store.Longitude, dc.Latitude, dc.Longitude);
            return (int)Math.Clamp(Math.Round(km / 55.0 * 60.0), 20, 240);
        })];
        StoresByGeography = plan.Stores.GroupBy(s => s.GeographyID).ToDictionary(g => g.Key, g => g.Select(s => s.ID).ToArray());
        TenderWeights = [Options.TenderCreditCardWeight, Options.TenderDebitCardWeight, Options.TenderCashWeight, Options.TenderMobilePayWeight];
    }

    public static readonly string[] Tenders = ["CREDIT_CARD", "DEBIT_CARD", "CASH", "MOBILE_PAY"];

    public MasterPlan Plan { get; }
    public GenerationOptions Options { get; }
    public IReadOnlyList<Product> Products { get; }
    public int[] LaunchDay { get; }
    public AliasTable Popularity { get; }
    public CustomerGenerator Customers { get; }
    public int ProductCount { get; }
    public int[][] StoreQty { get; }
    public int[][] StoreReorder { get; }
    public int[][] StoreTarget { get; }
    public int[][] DcQty { get; }
    public int[][] DcReorder { get; }
    public int[][] DcTarget { get; }
    public int[][] StoresByDc { get; }
    public double[] StoreTrafficFactor { get; }

    /// <summary>Drive time between each store (0-based) and its serving DC.</summary>
    public int[] TravelMinutes { get; }

    public Dictionary<int, int[]> StoresByGeography { get; }
    public int[] TenderWeights { get; }

    /// <summary>A product (0-based) by popularity that was launched on or before the day; -1 when none could be found.</summary>
    public int PickLaunchedProduct(ref RowRandom random, int dayNumber)
    {
        for (var attempt = 0; attempt < 24; attempt++)
        {
            var p = Popularity.Sample(ref random);
            if (LaunchDay[p] <= dayNumber)
            {
                return p;
            }
        }

        return -1;
    }

    public string PickTender(ref RowRandom random, bool allowCash)
    {
        var total = 0;
        for (var i = 0; i < TenderWeights.Length; i++)
        {
            total += allowCash || i != 2 ? TenderWeights[i] : 0;
        }

        if (total == 0)
        {
            return Tenders[0];
        }

        var roll = random.NextInt(total);
        for (var i = 0; i < TenderWeights.Length; i++)
        {
            var weight = allowCash || i != 2 ? TenderWeights[i] : 0;
            if (roll < weight)
            {
                return Tenders[i];
            }

            roll -= weight;
        }

        return Tenders[0];
    }

    // A few products sell far more than others (Zipf-like by a seeded rank).
    private AliasTable BuildPopularity()
    {
        var ranks = Enumerable.Range(0, Options.Products).ToArray();
        for (var i = ranks.Length - 1; i > 0; i--)
        {
            var random = new RowRandom(Options.Seed, RandomStream.ProductPopularity, i);
            var j = random.NextInt(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }

        var weights = new double[ranks.Length];
        for (var i = 0; i < ranks.Length; i++)
        {
            weights[ranks[i]] = 1.0 / Math.Pow(i + 10, 0.8);
        }

        return new AliasTable(weights);
    }

    private (int[] Qty, int[] Reorder, int[] Target) Levels<T>(Func<int, T> row, Func<T, int> qty, Func<T, int> reorder)
    {
        var q = new int[ProductCount];
        var r = new int[ProductCount];
        var t = new int[ProductCount];
        for (var i = 0; i < ProductCount; i++)
        {
            var x = row(i);
            q[i] = qty(x);
            r[i] = reorder(x);
            t[i] = Math.Max(q[i], r[i] + 1);
        }

        return (q, r, t);
    }
}
