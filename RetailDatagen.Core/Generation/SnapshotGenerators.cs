using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>Every DC × every product, in (DCID, ProductID) order; levels from the demand model, stock drawn from the
/// row index.</summary>
public sealed class DcInventorySnapshotGenerator(MasterPlan plan) : ITableGenerator
{
    public TableInfo Table => Tables.DcInventorySnapshots;

    public long RowCount => (long)plan.Options.DistributionCenters * plan.Options.Products;

    public IRow Create(long index)
    {
        var o = plan.Options;
        var (dc, product) = ((int)(index / o.Products), (int)(index % o.Products));
        var (reorder, upTo) = plan.Demand.DcLevels(dc, product);
        return new DcInventorySnapshot
        {
            DCID = dc + 1,
            ProductID = product + 1,
            CurrentQuantity = StockLevels.Start(o.Seed, RandomStream.DcSnapshots, index, reorder, upTo),
            ReorderPoint = reorder,
            OrderUpTo = upTo,
            LastUpdated = plan.SnapshotTime,
        };
    }
}

/// <summary>Every store × every product, in (StoreID, ProductID) order; levels from the demand model, stock drawn from
/// the row index.</summary>
public sealed class StoreInventorySnapshotGenerator(MasterPlan plan) : ITableGenerator
{
    public TableInfo Table => Tables.StoreInventorySnapshots;

    public long RowCount => (long)plan.Options.Stores * plan.Options.Products;

    public IRow Create(long index)
    {
        var o = plan.Options;
        var (store, product) = ((int)(index / o.Products), (int)(index % o.Products));
        var (reorder, upTo) = plan.Demand.StoreLevels(store, product);

        // A product not yet launched is not on the shelf: the first delivery before its launch stocks it.
        var launched = plan.Demand.LaunchDay[product] <= o.StartDate.DayNumber;
        return new StoreInventorySnapshot
        {
            StoreID = store + 1,
            ProductID = product + 1,
            CurrentQuantity = launched
                ? StockLevels.Start(o.Seed, RandomStream.StoreSnapshots, index, reorder, upTo)
                : 0,
            ReorderPoint = reorder,
            OrderUpTo = upTo,
            LastUpdated = plan.SnapshotTime,
        };
    }
}

/// <summary>Starting stock: above the reorder point, somewhere in the last cycle before the order-up-to
/// level.</summary>
internal static class StockLevels
{
    public static int Start(long seed, RandomStream stream, long index, int reorder, int upTo)
    {
        var random = new RowRandom(seed, stream, index);
        return reorder + 1 + random.NextInt(Math.Max(1, upTo - reorder));
    }
}
