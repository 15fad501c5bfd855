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
        var stock = Stock(index);
        return new DcInventorySnapshot
        {
            DCID = (int)(index / plan.Options.Products) + 1,
            ProductID = (int)(index % plan.Options.Products) + 1,
            CurrentQuantity = stock.Quantity,
            ReorderPoint = stock.Reorder,
            OrderUpTo = stock.UpTo,
            LastUpdated = plan.SnapshotTime,
        };
    }

    /// <summary>Row <paramref name="index"/>'s stock columns without the row: the simulation and the quality checks
    /// start every DC ledger from them.</summary>
    public StockLevel Stock(long index)
    {
        var o = plan.Options;
        var (dc, product) = ((int)(index / o.Products), (int)(index % o.Products));
        var (reorder, upTo) = plan.Demand.DcLevels(dc, product);
        return new(StockLevels.Start(o.Seed, RandomStream.DcSnapshots, index, reorder, upTo), reorder, upTo);
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
        var stock = Stock(index);
        return new StoreInventorySnapshot
        {
            StoreID = (int)(index / plan.Options.Products) + 1,
            ProductID = (int)(index % plan.Options.Products) + 1,
            CurrentQuantity = stock.Quantity,
            ReorderPoint = stock.Reorder,
            OrderUpTo = stock.UpTo,
            LastUpdated = plan.SnapshotTime,
        };
    }

    /// <summary>Row <paramref name="index"/>'s stock columns without the row: the simulation and the quality checks
    /// start every store ledger from them (2.14 million rows on the standard preset, twice, made no garbage).</summary>
    public StockLevel Stock(long index)
    {
        var o = plan.Options;
        var (store, product) = ((int)(index / o.Products), (int)(index % o.Products));
        var (reorder, upTo) = plan.Demand.StoreLevels(store, product);

        // A product not yet launched is not on the shelf: the first delivery before its launch stocks it.
        var launched = plan.Demand.LaunchDay[product] <= o.StartDate.DayNumber;
        var quantity = launched ? StockLevels.Start(o.Seed, RandomStream.StoreSnapshots, index, reorder, upTo) : 0;
        return new(quantity, reorder, upTo);
    }
}

/// <summary>A snapshot row's stock columns: units on hand, the reorder point and the order-up-to level.</summary>
public readonly record struct StockLevel(int Quantity, int Reorder, int UpTo);

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
