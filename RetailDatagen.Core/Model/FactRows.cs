namespace RetailDatagen.Core.Model;

public sealed class Receipt : IRow
{
    public string ReceiptId { get; set; } = "";
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int StoreID { get; set; }

    /// <summary>Null for an anonymous shopper (DATA-CONTRACT §4).</summary>
    public int? CustomerID { get; set; }
    public double Subtotal { get; set; }
    public double Tax { get; set; }
    public double Total { get; set; }
    public string TenderType { get; set; } = "";

    /// <summary>SALE, or RETURN for a refund receipt (appended column).</summary>
    public string ReceiptType { get; set; } = FactCodes.ReceiptType.Sale;

    /// <summary>The original receipt of a refund (appended column); null on sales.</summary>
    public string? ReturnForReceiptId { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(ReceiptId);
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(StoreID);
        writer.NullableInteger(CustomerID);
        writer.Money(Subtotal);
        writer.Money(Tax);
        writer.Money(Total);
        writer.Text(TenderType);
        writer.Text(ReceiptType);
        writer.NullableText(ReturnForReceiptId);
    }
}

public sealed class ReceiptLine : IRow
{
    public string ReceiptId { get; set; } = "";
    public int Line { get; set; }
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int ProductID { get; set; }
    public int Qty { get; set; }
    public double UnitPrice { get; set; }
    public double ExtPrice { get; set; }
    public string? PromoCode { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(ReceiptId);
        writer.Integer(Line);
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(ProductID);
        writer.Integer(Qty);
        writer.Money(UnitPrice);
        writer.Money(ExtPrice);
        writer.NullableText(PromoCode);
    }
}

public sealed class StoreInventoryTxn : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int StoreID { get; set; }
    public int ProductID { get; set; }
    public int QtyDelta { get; set; }
    public string Reason { get; set; } = "";
    public string Source { get; set; } = "";
    public int Balance { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(StoreID);
        writer.Integer(ProductID);
        writer.Integer(QtyDelta);
        writer.Text(Reason);
        writer.Text(Source);
        writer.Integer(Balance);
    }
}

public sealed class DcInventoryTxn : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int DCID { get; set; }
    public int ProductID { get; set; }
    public int QtyDelta { get; set; }
    public string Reason { get; set; } = "";
    public string Source { get; set; } = "";
    public int Balance { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(DCID);
        writer.Integer(ProductID);
        writer.Integer(QtyDelta);
        writer.Text(Reason);
        writer.Text(Source);
        writer.Integer(Balance);
    }
}

public sealed class TruckMove : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int TruckId { get; set; }
    public int DCID { get; set; }
    public int? StoreID { get; set; }
    public string ShipmentId { get; set; } = "";
    public string Status { get; set; } = "";
    public DateTime ETA { get; set; }
    public DateTime ETD { get; set; }

    /// <summary>Road miles of the trip's loaded leg (appended column), so speeds can be checked with SQL.</summary>
    public double DistanceMiles { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(TruckId);
        writer.Integer(DCID);
        writer.NullableInteger(StoreID);
        writer.Text(ShipmentId);
        writer.Text(Status);
        writer.Timestamp(ETA);
        writer.Timestamp(ETD);
        writer.Coordinate(DistanceMiles);
    }
}

public sealed class FootTraffic : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int StoreID { get; set; }
    public string SensorId { get; set; } = "";
    public string Zone { get; set; } = "";
    public int Dwell { get; set; }
    public int Count { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(StoreID);
        writer.Text(SensorId);
        writer.Text(Zone);
        writer.Integer(Dwell);
        writer.Integer(Count);
    }
}

public sealed class BlePing : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int StoreID { get; set; }
    public string BeaconId { get; set; } = "";
    public string CustomerBLEId { get; set; } = "";
    public int RSSI { get; set; }
    public string Zone { get; set; } = "";

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(StoreID);
        writer.Text(BeaconId);
        writer.Text(CustomerBLEId);
        writer.Integer(RSSI);
        writer.Text(Zone);
    }
}

public sealed class MarketingImpression : IRow
{
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public string Channel { get; set; } = "";
    public string CampaignId { get; set; } = "";
    public string CreativeId { get; set; } = "";
    public string CustomerAdId { get; set; } = "";
    public string ImpressionId { get; set; } = "";
    public double Cost { get; set; }
    public string Device { get; set; } = "";

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Text(Channel);
        writer.Text(CampaignId);
        writer.Text(CreativeId);
        writer.Text(CustomerAdId);
        writer.Text(ImpressionId);
        writer.Money(Cost);
        writer.Text(Device);
    }
}

public sealed class OnlineOrder : IRow
{
    public string OrderId { get; set; } = "";
    public string TraceId { get; set; } = "";
    public DateTime EventTS { get; set; }
    public int CustomerID { get; set; }
    public string FulfillmentMode { get; set; } = "";
    public string FulfillmentNodeType { get; set; } = "";
    public int FulfillmentNodeID { get; set; }
    public double Subtotal { get; set; }
    public double Tax { get; set; }
    public double Total { get; set; }
    public string TenderType { get; set; } = "";

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(OrderId);
        writer.Text(TraceId);
        writer.Timestamp(EventTS);
        writer.Integer(CustomerID);
        writer.Text(FulfillmentMode);
        writer.Text(FulfillmentNodeType);
        writer.Integer(FulfillmentNodeID);
        writer.Money(Subtotal);
        writer.Money(Tax);
        writer.Money(Total);
        writer.Text(TenderType);
    }
}

public sealed class OnlineOrderLine : IRow
{
    public string OrderId { get; set; } = "";
    public int Line { get; set; }
    public int ProductID { get; set; }
    public int Qty { get; set; }
    public double UnitPrice { get; set; }
    public double ExtPrice { get; set; }

    public void WriteTo(FieldWriter writer)
    {
        writer.Text(OrderId);
        writer.Integer(Line);
        writer.Integer(ProductID);
        writer.Integer(Qty);
        writer.Money(UnitPrice);
        writer.Money(ExtPrice);
    }
}
