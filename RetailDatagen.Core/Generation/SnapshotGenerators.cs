using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>Every DC × every product, in (DCID, ProductID) order; each row drawn from its own index.</summary>
public sealed class DcInventorySnapshotGenerator(MasterPlan plan) : ITableGenerator
{
    public TableInfo Table => Tables.DcInventorySnapshots;

    public long RowCount => (long)plan.Options.DistributionCenters * plan.Options.Products;

    public IRow Create(long index)
    {
        var o = plan.Options;
        var (quantity, reorder) = StockLevels.Draw(o.Seed, RandomStream.DcSnapshots, index, o.DcInventoryMin, o.DcInventoryMax, o.DcReorderPointMin, o.DcReorderPointMax, 5);
        return new DcInventorySnapshot
        {
            DCID = (int)(index / o.Products) + 1,
            ProductID = (int)(index % o.Products) + 1,
            CurrentQuantity = quantity,
            ReorderPoint = reorder,
            LastUpdated = plan.SnapshotTime,
        };
    }
}

/// <summary>Every store × every product, in (StoreID, ProductID) order; each row drawn from its own index.</summary>
public sealed class StoreInventorySnapshotGenerator(MasterPlan plan) : ITableGenerator
{
    public TableInfo Table => Tables.StoreInventorySnapshots;

    public long RowCount => (long)plan.Options.Stores * plan.Options.Products;

    public IRow Create(long index)
    {
        var o = plan.Options;
        var (quantity, reorder) = StockLevels.Draw(o.Seed, RandomStream.StoreSnapshots, index, o.StoreInventoryMin, o.StoreInventoryMax, o.StoreReorderPointMin, o.StoreReorderPointMax, 3);
        return new StoreInventorySnapshot
        {
            StoreID = (int)(index / o.Products) + 1,
            ProductID = (int)(index % o.Products) + 1,
            CurrentQuantity = quantity,
            ReorderPoint = reorder,
            LastUpdated = plan.SnapshotTime,
        };
    }
}

/// <summary>A starting quantity in [min, max] and a reorder point in [reorderMin, min(reorderMax, quantity / divisor)].</summary>
internal static class StockLevels
{
    public static (int Quantity, int Reorder) Draw(long seed, RandomStream stream, long index, int min, int max, int reorderMin, int reorderMax, int divisor)
    {
        var random = new RowRandom(seed, stream, index);
        var quantity = random.NextInt(min, max);
        var upper = Math.Max(reorderMin, Math.Min(reorderMax, quantity / divisor));
        return (quantity, random.NextInt(reorderMin, upper));
    }
}
