using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Facts;

/// <summary>
/// What the fact simulation knows of the master data and the running inventory state. Inventory starts
/// from the snapshot tables (regenerated from their row indexes, so they are identical to what was written),
/// and the reorder point and order-up-to level of every node-product are the snapshot's.
/// </summary>
internal sealed class FactWorld
{
    public FactWorld(MasterPlan plan)
    {
        Plan = plan;
        Options = plan.Options;
        Demand = plan.Demand;
        Products = Demand.Products;
        Customers = new CustomerGenerator(plan);
        ProductCount = Options.Products;

        var stores = new StoreInventorySnapshotGenerator(plan);
        StoreStock = new NodeStock[Options.Stores];
        Parallel.For(
            0,
            Options.Stores,
            s =>
                StoreStock[s] = NodeStock.From(ProductCount, i => stores.Stock(((long)s * ProductCount) + i))
        );

        var dcs = new DcInventorySnapshotGenerator(plan);
        DcStock = new NodeStock[Options.DistributionCenters];
        Parallel.For(
            0,
            Options.DistributionCenters,
            d =>
                DcStock[d] = NodeStock.From(ProductCount, i => dcs.Stock(((long)d * ProductCount) + i))
        );

        StoresByGeography = plan
            .Stores.GroupBy(s => s.GeographyID)
            .ToDictionary(g => g.Key, g => g.Select(s => s.ID).ToArray());
        TenderWeights =
        [
            Options.TenderCreditCardWeight,
            Options.TenderDebitCardWeight,
            Options.TenderCashWeight,
            Options.TenderMobilePayWeight,
        ];
    }

    public MasterPlan Plan { get; }
    public GenerationOptions Options { get; }
    public DemandModel Demand { get; }
    public IReadOnlyList<Product> Products { get; }
    public CustomerGenerator Customers { get; }
    public int ProductCount { get; }

    /// <summary>Running stock and policy of each store (0-based).</summary>
    public NodeStock[] StoreStock { get; }

    /// <summary>Running stock and policy of each DC (0-based).</summary>
    public NodeStock[] DcStock { get; }

    public Dictionary<int, int[]> StoresByGeography { get; }
    public int[] TenderWeights { get; }

    /// <summary>Whether the customer (0-based) carries the app, so in-store beacons see them (a pure function of seed
    /// and index).</summary>
    public bool IsAppUser(int customerIndex) =>
        new RowRandom(Options.Seed, RandomStream.AppUsers, customerIndex).NextDouble() * 100 < Options.AppUserPercent;

    /// <summary>Whether stores are closed on the day (Thanksgiving and Christmas Day unless configured
    /// otherwise).</summary>
    public bool StoresClosed(DateOnly date) => Options.ClosedOnHolidays && RetailCalendar.IsStoreClosingHoliday(date);

    public string PickTender(ref RowRandom random, bool allowCash)
    {
        var total = 0;
        for (var i = 0; i < TenderWeights.Length; i++)
        {
            total += allowCash || i != 2 ? TenderWeights[i] : 0;
        }

        if (total == 0)
        {
            return FactCodes.Tender.All[0];
        }

        var roll = random.NextInt(total);
        for (var i = 0; i < TenderWeights.Length; i++)
        {
            var weight = allowCash || i != 2 ? TenderWeights[i] : 0;
            if (roll < weight)
            {
                return FactCodes.Tender.All[i];
            }

            roll -= weight;
        }

        return FactCodes.Tender.All[0];
    }
}

/// <summary>A node's stock on hand per product and its inventory policy (reorder point, order-up-to level).</summary>
internal sealed class NodeStock(int[] onHand, int[] reorder, int[] orderUpTo)
{
    public int[] OnHand { get; } = onHand;
    public int[] Reorder { get; } = reorder;
    public int[] OrderUpTo { get; } = orderUpTo;

    public static NodeStock From(int products, Func<int, StockLevel> stock)
    {
        var (q, r, u) = (new int[products], new int[products], new int[products]);
        for (var i = 0; i < products; i++)
        {
            (q[i], r[i], u[i]) = stock(i);
        }

        return new NodeStock(q, r, u);
    }
}
