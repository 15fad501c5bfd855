namespace RetailDatagen.Core.Model;

/// <summary>Every table of the data contract, in generation order.</summary>
public static class Tables
{
    public static readonly TableInfo Geographies = new(
        "dim_geographies",
        "geographies_master.csv",
        ["ID", "City", "State", "ZipCode", "District", "Region", "Latitude", "Longitude"],
        ["ID"],
        1,
        "Geographies",
        typeof(Geography)
    );

    public static readonly TableInfo DistributionCenters = new(
        "dim_distribution_centers",
        "distribution_centers.csv",
        ["ID", "DCNumber", "Address", "GeographyID"],
        ["ID"],
        2,
        "Distribution centers",
        typeof(DistributionCenter)
    );

    public static readonly TableInfo Stores = new(
        "dim_stores",
        "stores.csv",
        ["ID", "StoreNumber", "Address", "GeographyID", "DCID"],
        ["ID"],
        3,
        "Stores",
        typeof(Store)
    );

    public static readonly TableInfo Trucks = new(
        "dim_trucks",
        "trucks.csv",
        ["ID", "LicensePlate", "Refrigeration", "DCID"],
        ["ID"],
        4,
        "Trucks",
        typeof(Truck)
    );

    public static readonly TableInfo Customers = new(
        "dim_customers",
        "customers.csv",
        [
            "ID",
            "FirstName",
            "LastName",
            "Address",
            "GeographyID",
            "LoyaltyCard",
            "Phone",
            "BLEId",
            "AdId",
            "ZipCode",
            "Latitude",
            "Longitude",
            "HomeStoreID",
            "BirthYear",
        ],
        ["ID"],
        5,
        "Customers",
        typeof(Customer)
    );

    public static readonly TableInfo Products = new(
        "dim_products",
        "products_master.csv",
        [
            "ID",
            "ProductName",
            "Brand",
            "Company",
            "Department",
            "Category",
            "Subcategory",
            "Cost",
            "MSRP",
            "SalePrice",
            "RequiresRefrigeration",
            "LaunchDate",
        ],
        ["ID"],
        5,
        "Products",
        typeof(Product)
    );

    public static readonly TableInfo DcInventorySnapshots = new(
        "fact_dc_inventory_snapshots",
        "dc_inventory_snapshots.csv",
        ["DCID", "ProductID", "CurrentQuantity", "ReorderPoint", "LastUpdated", "OrderUpTo"],
        ["DCID", "ProductID"],
        6,
        "DC inventory snapshots",
        typeof(DcInventorySnapshot)
    );

    public static readonly TableInfo StoreInventorySnapshots = new(
        "fact_store_inventory_snapshots",
        "store_inventory_snapshots.csv",
        ["StoreID", "ProductID", "CurrentQuantity", "ReorderPoint", "LastUpdated", "OrderUpTo"],
        ["StoreID", "ProductID"],
        6,
        "Store inventory snapshots",
        typeof(StoreInventorySnapshot)
    );

    public const int FactStage = 7;

    public static readonly TableInfo Receipts = new(
        "fact_receipts",
        "receipts.csv",
        [
            "ReceiptId",
            "TraceId",
            "EventTS",
            "StoreID",
            "CustomerID",
            "Subtotal",
            "Tax",
            "Total",
            "TenderType",
            "ReceiptType",
            "ReturnForReceiptId",
        ],
        ["ReceiptId"],
        FactStage,
        "Receipts",
        typeof(Receipt)
    );

    public static readonly TableInfo ReceiptLines = new(
        "fact_receipt_lines",
        "receipt_lines.csv",
        ["ReceiptId", "Line", "TraceId", "EventTS", "ProductID", "Qty", "UnitPrice", "ExtPrice", "PromoCode"],
        ["ReceiptId", "Line"],
        FactStage,
        "Receipt lines",
        typeof(ReceiptLine)
    );

    public static readonly TableInfo StoreInventoryTxns = new(
        "fact_store_inventory_txn",
        "store_inventory_txn.csv",
        ["TraceId", "EventTS", "StoreID", "ProductID", "QtyDelta", "Reason", "Source", "Balance"],
        ["TraceId"],
        FactStage,
        "Store inventory transactions",
        typeof(StoreInventoryTxn)
    );

    public static readonly TableInfo DcInventoryTxns = new(
        "fact_dc_inventory_txn",
        "dc_inventory_txn.csv",
        ["TraceId", "EventTS", "DCID", "ProductID", "QtyDelta", "Reason", "Source", "Balance"],
        ["TraceId"],
        FactStage,
        "DC inventory transactions",
        typeof(DcInventoryTxn)
    );

    public static readonly TableInfo TruckMoves = new(
        "fact_truck_moves",
        "truck_moves.csv",
        ["TraceId", "EventTS", "TruckId", "DCID", "StoreID", "ShipmentId", "Status", "ETA", "ETD", "DistanceMiles"],
        ["TraceId"],
        FactStage,
        "Truck moves",
        typeof(TruckMove)
    );

    public static readonly TableInfo FootTraffic = new(
        "fact_foot_traffic",
        "foot_traffic.csv",
        ["TraceId", "EventTS", "StoreID", "SensorId", "Zone", "Dwell", "Count"],
        ["TraceId"],
        FactStage,
        "Foot traffic",
        typeof(FootTraffic)
    );

    public static readonly TableInfo BlePings = new(
        "fact_ble_pings",
        "ble_pings.csv",
        ["TraceId", "EventTS", "StoreID", "BeaconId", "CustomerBLEId", "RSSI", "Zone"],
        ["TraceId"],
        FactStage,
        "BLE pings",
        typeof(BlePing)
    );

    public static readonly TableInfo Marketing = new(
        "fact_marketing",
        "marketing.csv",
        ["TraceId", "EventTS", "Channel", "CampaignId", "CreativeId", "CustomerAdId", "ImpressionId", "Cost", "Device"],
        ["TraceId"],
        FactStage,
        "Marketing impressions",
        typeof(MarketingImpression)
    );

    public static readonly TableInfo OnlineOrders = new(
        "fact_online_orders",
        "online_orders.csv",
        [
            "OrderId",
            "TraceId",
            "EventTS",
            "CustomerID",
            "FulfillmentMode",
            "FulfillmentNodeType",
            "FulfillmentNodeID",
            "Subtotal",
            "Tax",
            "Total",
            "TenderType",
        ],
        ["OrderId"],
        FactStage,
        "Online orders",
        typeof(OnlineOrder)
    );

    public static readonly TableInfo OnlineOrderLines = new(
        "fact_online_order_lines",
        "online_order_lines.csv",
        ["OrderId", "Line", "ProductID", "Qty", "UnitPrice", "ExtPrice"],
        ["OrderId", "Line"],
        FactStage,
        "Online order lines",
        typeof(OnlineOrderLine)
    );

    /// <summary>The master tables, in generation order.</summary>
    public static IReadOnlyList<TableInfo> Master { get; } =
    [
        Geographies,
        DistributionCenters,
        Stores,
        Trucks,
        Customers,
        Products,
        DcInventorySnapshots,
        StoreInventorySnapshots,
    ];

    /// <summary>The historical fact tables, in the order their rows are written each day.</summary>
    public static IReadOnlyList<TableInfo> Facts { get; } =
    [
        TruckMoves,
        DcInventoryTxns,
        StoreInventoryTxns,
        Receipts,
        ReceiptLines,
        FootTraffic,
        BlePings,
        OnlineOrders,
        OnlineOrderLines,
        Marketing,
    ];

    public static IReadOnlyList<TableInfo> All { get; } = [.. Master, .. Facts];

    /// <summary>The tables a run with these options produces.</summary>
    public static IReadOnlyList<TableInfo> For(Options.GenerationOptions options) =>
        options.GenerateFacts ? All : Master;

    public static TableInfo? FindByName(string name) => All.FirstOrDefault(t => t.Name == name);

    public static TableInfo? FindByCsvStem(string stem) => All.FirstOrDefault(t => t.CsvStem == stem);
}
