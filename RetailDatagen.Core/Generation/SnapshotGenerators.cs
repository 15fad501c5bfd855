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
        var random = new RowRandom(o.Seed, RandomStream.DcSnapshots, index);
        var quantity = random.NextInt(o.DcInventoryMin, o.DcInventoryMax);
        var reorderMax = Math.Max(o.DcReorderPointMin, Math.Min(o.DcReorderPointMax, quantity / 5));
        return new DcInventorySnapshot
        {
            DCID = (int)(index / o.Products) + 1,
            ProductID = (int)(index % o.Products) + 1,
            CurrentQuantity = quantity,
            ReorderPoint = random.NextInt(o.DcReorderPointMin, reorderMax),
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
        var random = new RowRandom(o.Seed, RandomStream.StoreSnapshots, index);
        var quantity = random.NextInt(o.StoreInventoryMin, o.StoreInventoryMax);
        var reorderMax = Math.Max(o.StoreReorderPointMin, Math.Min(o.StoreReorderPointMax, quantity / 3));
        return new StoreInventorySnapshot
        {
            StoreID = (int)(index / o.Products) + 1,
            ProductID = (int)(index % o.Products) + 1,
            CurrentQuantity = quantity,
            ReorderPoint = random.NextInt(o.StoreReorderPointMin, reorderMax),
            LastUpdated = plan.SnapshotTime,
        };
    }
}
