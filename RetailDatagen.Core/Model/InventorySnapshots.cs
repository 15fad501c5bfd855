namespace RetailDatagen.Core.Model;

public sealed class DcInventorySnapshot : IRow
{
    public int DCID { get; set; }
    public int ProductID { get; set; }
    public int CurrentQuantity { get; set; }
    public int ReorderPoint { get; set; }
    public DateTime LastUpdated { get; set; }

    /// <summary>The level a replenishment order fills up to (appended column, DATA-CONTRACT §4).</summary>
    public int OrderUpTo { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(DCID);
        writer.Integer(ProductID);
        writer.Integer(CurrentQuantity);
        writer.Integer(ReorderPoint);
        writer.Timestamp(LastUpdated);
        writer.Integer(OrderUpTo);
    }
}

public sealed class StoreInventorySnapshot : IRow
{
    public int StoreID { get; set; }
    public int ProductID { get; set; }
    public int CurrentQuantity { get; set; }
    public int ReorderPoint { get; set; }
    public DateTime LastUpdated { get; set; }

    /// <summary>The level a replenishment order fills up to (appended column, DATA-CONTRACT §4).</summary>
    public int OrderUpTo { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Integer(StoreID);
        writer.Integer(ProductID);
        writer.Integer(CurrentQuantity);
        writer.Integer(ReorderPoint);
        writer.Timestamp(LastUpdated);
        writer.Integer(OrderUpTo);
    }
}
