namespace RetailDatagen.Core.Model;

/// <summary>
/// The coded values of the fact tables (DATA-CONTRACT §3–§4). Simulators, checkers, the realism report and the
/// browsing facets all use these, so a code is spelled in one place.
/// </summary>
public static class FactCodes
{
    public static class Tender
    {
        public const string CreditCard = "CREDIT_CARD";
        public const string DebitCard = "DEBIT_CARD";
        public const string Cash = "CASH";
        public const string MobilePay = "MOBILE_PAY";

        /// <summary>In the order of the tender weight options.</summary>
        public static readonly string[] All = [CreditCard, DebitCard, Cash, MobilePay];
    }

    public static class Reason
    {
        public const string Sale = "SALE";
        public const string InboundShipment = "INBOUND_SHIPMENT";
        public const string OutboundShipment = "OUTBOUND_SHIPMENT";
        public const string Adjustment = "ADJUSTMENT";
        public const string Return = "RETURN";
    }

    public static class Source
    {
        public const string Customer = "CUSTOMER";
        public const string Online = "ONLINE";
        public const string Supplier = "SUPPLIER";
        public const string CycleCount = "CYCLE_COUNT";
    }

    public static class TruckStatus
    {
        public const string Scheduled = "SCHEDULED";
        public const string Loading = "LOADING";
        public const string InTransit = "IN_TRANSIT";
        public const string Arrived = "ARRIVED";
        public const string Unloading = "UNLOADING";
        public const string Completed = "COMPLETED";

        /// <summary>The six statuses of every trip, in time order.</summary>
        public static readonly string[] Lifecycle = [Scheduled, Loading, InTransit, Arrived, Unloading, Completed];
    }

    public static class ReceiptType
    {
        public const string Sale = "SALE";
        public const string Return = "RETURN";
    }

    public static class Fulfillment
    {
        public const string ShipFromDc = "SHIP_FROM_DC";
        public const string ShipFromStore = "SHIP_FROM_STORE";
        public const string Bopis = "BOPIS";
        public const string StoreNode = "STORE";
        public const string DcNode = "DC";
    }

    public static class Zone
    {
        public const string Entrance = "ENTRANCE";
        public const string Checkout = "CHECKOUT";
    }
}
