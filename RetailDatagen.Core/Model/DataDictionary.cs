namespace RetailDatagen.Core.Model;

/// <summary>Where a table sits in the Results picker.</summary>
public enum TableGroup
{
    Dimensions,
    Inventory,
    Sales,
    Operations,
    Marketing,
}

/// <summary>A foreign key: the referenced table and its (primary or unique) key column.</summary>
public sealed record ForeignKeyRef(string Table, string Column);

/// <summary>One column's documentation: meaning, unit, the values it may take and the row it references.</summary>
public sealed record ColumnDoc(
    string Name,
    string Description,
    string? Unit = null,
    IReadOnlyList<string>? AllowedValues = null,
    ForeignKeyRef? ForeignKey = null
)
{
    /// <summary>The kind of value (read off the row type), which decides type, format and alignment.</summary>
    public ColumnKind Kind { get; init; }

    /// <summary>True for numbers (integers, money, coordinates): right-aligned in grids.</summary>
    public bool IsNumeric =>
        Kind is ColumnKind.Integer or ColumnKind.NullableInteger or ColumnKind.Money or ColumnKind.Coordinate;

    /// <summary>True for low-cardinality columns whose top values are worth listing as facets.</summary>
    public bool IsFacet =>
        AllowedValues is not null
        || Name is "Department" or "Category" or "Region" or "State" or "PromoCode" or "CampaignId" or "Brand";

    /// <summary>True when the column may hold NULL.</summary>
    public bool IsNullable => Kind is ColumnKind.NullableInteger or ColumnKind.NullableText;

    /// <summary>The dictionary line a tooltip shows: meaning, unit, allowed values and reference.</summary>
    public string Summary =>
        string.Join(
            " · ",
            new[]
            {
                Description,
                Unit is null ? null : "Unit: " + Unit,
                AllowedValues is null ? null : "Values: " + string.Join(", ", AllowedValues),
                ForeignKey is null ? null : $"References {ForeignKey.Table}.{ForeignKey.Column}",
            }.Where(s => s is not null)
        );
}

/// <summary>One table's documentation and its columns, in the table's column order.</summary>
public sealed record TableDoc(TableInfo Table, TableGroup Group, string Description, IReadOnlyList<ColumnDoc> Columns)
{
    public ColumnDoc? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>
/// What every table and column of <c>retail.db</c> and the CSV files means, in one place. The Results grid shows it
/// as header tooltips, the Dictionary page lists it, and every run writes it into <c>meta_columns</c> and
/// <c>datapackage.json</c>. A test checks it covers every column and that its foreign keys are the model's.
/// </summary>
public static class DataDictionary
{
    /// <summary>The description of a column appended to a table before the dictionary describes it.</summary>
    public const string NotYetDescribed = "Appended column, not yet described in the data dictionary.";

    private const string Usd = "USD";
    private const string StoreLocal = "store-local time, ISO-8601 (YYYY-MM-DDTHH:MM:SS)";
    private static readonly string[] Tenders = ["CREDIT_CARD", "DEBIT_CARD", "CASH", "MOBILE_PAY"];
    private static readonly string[] Reasons =
    [
        "SALE",
        "INBOUND_SHIPMENT",
        "OUTBOUND_SHIPMENT",
        "ADJUSTMENT",
        "RETURN",
    ];
    private static readonly string[] Zones =
    [
        "ENTRANCE",
        "GROCERY",
        "FRESH",
        "HOME",
        "APPAREL",
        "ELECTRONICS",
        "CHECKOUT",
    ];

    private static readonly ForeignKeyRef Geography = new(Model.Tables.Geographies.Name, "ID");
    private static readonly ForeignKeyRef Dc = new(Model.Tables.DistributionCenters.Name, "ID");
    private static readonly ForeignKeyRef Store = new(Model.Tables.Stores.Name, "ID");
    private static readonly ForeignKeyRef Product = new(Model.Tables.Products.Name, "ID");
    private static readonly ForeignKeyRef Customer = new(Model.Tables.Customers.Name, "ID");

    public static IReadOnlyList<TableDoc> Tables { get; } = Build();

    public static TableDoc Of(TableInfo table) => Tables.First(t => t.Table.Name == table.Name);

    public static TableDoc? Find(string tableName) => Tables.FirstOrDefault(t => t.Table.Name == tableName);

    /// <summary>
    /// The SQL expression (over the alias <c>t</c>) that names a row of a referenced table for people, e.g.
    /// "New York, NY" for a geography; null for tables whose key already is the label.
    /// </summary>
    public static string? LabelSql(string tableName) =>
        tableName switch
        {
            "dim_geographies" => "t.\"City\" || ', ' || t.\"State\"",
            "dim_distribution_centers" => "t.\"DCNumber\"",
            "dim_stores" => "t.\"StoreNumber\" || ' · ' || (SELECT g.\"City\" || ', ' || g.\"State\" "
                + "FROM \"dim_geographies\" g WHERE g.\"ID\" = t.\"GeographyID\")",
            "dim_trucks" => "t.\"LicensePlate\"",
            "dim_customers" => "t.\"FirstName\" || ' ' || t.\"LastName\"",
            "dim_products" => "t.\"ProductName\"",
            _ => null,
        };

    private static List<TableDoc> Build()
    {
        List<TableDoc> docs =
        [
            Doc(
                Model.Tables.Geographies,
                TableGroup.Dimensions,
                "US places stores, DCs and customers are in (drawn from a shipped dictionary).",
                C("ID", "Geography key."),
                C("City", "City or town name."),
                C("State", "Two-letter US state code."),
                C("ZipCode", "5-digit ZIP code, text: leading zeros are kept."),
                C("District", "County or district."),
                C("Region", "US region.", null, ["Northeast", "Southeast", "Midwest", "Southwest", "West"]),
                C("Latitude", "Approximate latitude.", "degrees"),
                C("Longitude", "Approximate longitude.", "degrees")
            ),
            Doc(
                Model.Tables.DistributionCenters,
                TableGroup.Dimensions,
                "Distribution centers that replenish stores.",
                C("ID", "DC key."),
                C("DCNumber", "DC number, DC + 3 digits (DC001)."),
                C("Address", "Industrial street address."),
                C("GeographyID", "Where the DC is.", null, null, Geography)
            ),
            Doc(
                Model.Tables.Stores,
                TableGroup.Dimensions,
                "Stores, each served by its nearest DC.",
                C("ID", "Store key."),
                C("StoreNumber", "Store number, S + 6 digits (S000001)."),
                C("Address", "Commercial street address."),
                C("GeographyID", "Where the store is.", null, null, Geography),
                C("DCID", "The serving distribution center (nearest by great-circle distance).", null, null, Dc)
            ),
            Doc(
                Model.Tables.Trucks,
                TableGroup.Dimensions,
                "DC fleet trucks, then supplier trucks (no DC).",
                C("ID", "Truck key."),
                C("LicensePlate", "3 letters + 4 digits, unique."),
                C("Refrigeration", "Whether the truck is refrigerated.", null, ["true", "false"]),
                C("DCID", "The DC whose fleet it belongs to; empty for supplier trucks.", null, null, Dc)
            ),
            Doc(
                Model.Tables.Customers,
                TableGroup.Dimensions,
                "Fictional customers living near stores.",
                C("ID", "Customer key."),
                C("FirstName", "Given name."),
                C("LastName", "Family name."),
                C("Address", "Residential street address."),
                C("GeographyID", "Where the customer lives.", null, null, Geography),
                C("LoyaltyCard", "Loyalty card number, LC + 9 digits, unique."),
                C("Phone", "Phone number (AAA) 555-01NN: a real area code, a number reserved for fiction."),
                C("BLEId", "The customer's app beacon id, BLE + 6 base-36 characters, unique."),
                C("AdId", "Advertising id, AD + 6 base-36 characters, unique."),
                C(
                    "HomeStoreID",
                    "The store the customer shops at most (nearest, by distance and size).",
                    null,
                    null,
                    Store
                ),
                C("ZipCode", "Home 5-digit ZIP code, text: leading zeros are kept.")
            ),
            Doc(
                Model.Tables.Products,
                TableGroup.Dimensions,
                "The product catalog with synthetic brands and prices.",
                C("ID", "Product key."),
                C("ProductName", "Product name."),
                C("Brand", "Synthetic brand."),
                C("Company", "Synthetic company owning the brand."),
                C("Department", "Top level of the merchandise hierarchy."),
                C("Category", "Second level."),
                C("Subcategory", "Third level."),
                C("Cost", "Unit cost to the retailer.", Usd),
                C("MSRP", "Manufacturer's suggested retail price.", Usd),
                C("SalePrice", "Shelf price.", Usd),
                C("RequiresRefrigeration", "Whether the product ships refrigerated.", null, ["true", "false"]),
                C("LaunchDate", "Date the product became available (YYYY-MM-DD).")
            ),
            Doc(
                Model.Tables.DcInventorySnapshots,
                TableGroup.Inventory,
                "Opening stock of every DC × product.",
                C("DCID", "The DC.", null, null, Dc),
                C("ProductID", "The product.", null, null, Product),
                C("CurrentQuantity", "Units on hand at the start.", "units"),
                C("ReorderPoint", "Reorder when stock falls to this level.", "units"),
                C("LastUpdated", "Snapshot time: the start date at midnight."),
                C("OrderUpTo", "Replenishment fills stock up to this level.", "units")
            ),
            Doc(
                Model.Tables.StoreInventorySnapshots,
                TableGroup.Inventory,
                "Opening stock of every store × product.",
                C("StoreID", "The store.", null, null, Store),
                C("ProductID", "The product.", null, null, Product),
                C("CurrentQuantity", "Units on hand at the start.", "units"),
                C("ReorderPoint", "Reorder when stock falls to this level.", "units"),
                C("LastUpdated", "Snapshot time: the start date at midnight."),
                C("OrderUpTo", "Replenishment fills stock up to this level.", "units")
            ),
            Doc(
                Model.Tables.Receipts,
                TableGroup.Sales,
                "In-store purchases (one row per receipt).",
                C("ReceiptId", "Receipt key."),
                C("TraceId", "Event trace id."),
                C("EventTS", "When the sale rang up.", StoreLocal),
                C("StoreID", "The store.", null, null, Store),
                C("CustomerID", "The identified customer; empty for anonymous shoppers.", null, null, Customer),
                C("Subtotal", "Sum of the lines' ExtPrice.", Usd),
                C("Tax", "round(Subtotal × tax rate, 2).", Usd),
                C("Total", "Subtotal + Tax.", Usd),
                C("TenderType", "How the customer paid.", null, Tenders),
                C("ReceiptType", "A sale, or a refund with negative amounts.", null, ["SALE", "RETURN"]),
                C(
                    "ReturnForReceiptId",
                    "For a refund: the original receipt.",
                    null,
                    null,
                    new(Model.Tables.Receipts.Name, "ReceiptId")
                )
            ),
            Doc(
                Model.Tables.ReceiptLines,
                TableGroup.Sales,
                "The lines of each receipt.",
                C("ReceiptId", "The receipt.", null, null, new(Model.Tables.Receipts.Name, "ReceiptId")),
                C("Line", "Line number within the receipt, from 1."),
                C("TraceId", "Event trace id."),
                C("EventTS", "When the receipt rang up.", StoreLocal),
                C("ProductID", "The product.", null, null, Product),
                C("Qty", "Units sold.", "units"),
                C("UnitPrice", "Price per unit.", Usd),
                C("ExtPrice", "round(UnitPrice × Qty, 2).", Usd),
                C("PromoCode", "Promotion applied; empty for none.")
            ),
            Doc(
                Model.Tables.StoreInventoryTxns,
                TableGroup.Inventory,
                "Every change of store stock, in time order.",
                C("TraceId", "Transaction key."),
                C("EventTS", "When stock changed.", StoreLocal),
                C("StoreID", "The store.", null, null, Store),
                C("ProductID", "The product.", null, null, Product),
                C("QtyDelta", "Change in units (negative leaves the store).", "units"),
                C("Reason", "Why stock changed.", null, Reasons),
                C("Source", "The counterpart: CUSTOMER, ONLINE, SUPPLIER, CYCLE_COUNT or a truck's ShipmentId."),
                C("Balance", "Units on hand after the change (never below 0).", "units")
            ),
            Doc(
                Model.Tables.DcInventoryTxns,
                TableGroup.Inventory,
                "Every change of DC stock, in time order.",
                C("TraceId", "Transaction key."),
                C("EventTS", "When stock changed.", StoreLocal),
                C("DCID", "The DC.", null, null, Dc),
                C("ProductID", "The product.", null, null, Product),
                C("QtyDelta", "Change in units (negative leaves the DC).", "units"),
                C("Reason", "Why stock changed.", null, Reasons),
                C("Source", "The counterpart: SUPPLIER, ONLINE or a truck's ShipmentId."),
                C("Balance", "Units on hand after the change (never below 0).", "units")
            ),
            Doc(
                Model.Tables.TruckMoves,
                TableGroup.Operations,
                "Truck shipments, one row per status in time order.",
                C("TraceId", "Move key."),
                C("EventTS", "When the status was reached.", StoreLocal),
                C("TruckId", "The truck.", null, null, new(Model.Tables.Trucks.Name, "ID")),
                C("DCID", "The DC shipping or receiving.", null, null, Dc),
                C("StoreID", "The receiving store; empty for supplier deliveries to a DC.", null, null, Store),
                C("ShipmentId", "Shipment id shared by its moves and inventory rows (Source)."),
                C(
                    "Status",
                    "Shipment status.",
                    null,
                    ["SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING", "COMPLETED"]
                ),
                C("ETA", "Estimated time of arrival.", StoreLocal),
                C("ETD", "Estimated time of departure (unloaded).", StoreLocal),
                C("DistanceMiles", "Road distance of the trip.", "miles")
            ),
            Doc(
                Model.Tables.FootTraffic,
                TableGroup.Operations,
                "People counted by in-store sensors per zone.",
                C("TraceId", "Reading key."),
                C("EventTS", "Reading time.", StoreLocal),
                C("StoreID", "The store.", null, null, Store),
                C("SensorId", "Sensor id."),
                C("Zone", "Store zone.", null, Zones),
                C("Dwell", "Average dwell time.", "seconds"),
                C("Count", "People counted.", "people")
            ),
            Doc(
                Model.Tables.BlePings,
                TableGroup.Operations,
                "App beacons seen by in-store BLE receivers.",
                C("TraceId", "Ping key."),
                C("EventTS", "Ping time.", StoreLocal),
                C("StoreID", "The store.", null, null, Store),
                C("BeaconId", "Receiver id."),
                C("CustomerBLEId", "The customer's app beacon.", null, null, new(Model.Tables.Customers.Name, "BLEId")),
                C("RSSI", "Received signal strength.", "dBm"),
                C("Zone", "Store zone.", null, Zones)
            ),
            Doc(
                Model.Tables.Marketing,
                TableGroup.Marketing,
                "Ad impressions served to customers.",
                C("TraceId", "Impression event key."),
                C("EventTS", "When the ad was shown.", StoreLocal),
                C(
                    "Channel",
                    "Ad channel.",
                    null,
                    ["FACEBOOK", "GOOGLE", "INSTAGRAM", "YOUTUBE", "EMAIL", "DISPLAY", "SEARCH", "SOCIAL", "VIDEO"]
                ),
                C("CampaignId", "Campaign id (CMP-NNNN)."),
                C("CreativeId", "Creative id within the campaign."),
                C(
                    "CustomerAdId",
                    "The customer's advertising id.",
                    null,
                    null,
                    new(Model.Tables.Customers.Name, "AdId")
                ),
                C("ImpressionId", "Unique impression id."),
                C("Cost", "Cost of the impression.", Usd),
                C("Device", "Device the ad was shown on.", null, ["MOBILE", "DESKTOP", "TABLET"])
            ),
            Doc(
                Model.Tables.OnlineOrders,
                TableGroup.Sales,
                "Online orders (one row per order).",
                C("OrderId", "Order key."),
                C("TraceId", "Event trace id."),
                C("EventTS", "When the order was placed.", StoreLocal),
                C("CustomerID", "The customer.", null, null, Customer),
                C("FulfillmentMode", "How the order is fulfilled.", null, ["SHIP_FROM_DC", "SHIP_FROM_STORE", "BOPIS"]),
                C("FulfillmentNodeType", "Kind of node fulfilling it.", null, ["DC", "STORE"]),
                C("FulfillmentNodeID", "The DC or store id (see FulfillmentNodeType)."),
                C("Subtotal", "Sum of the lines' ExtPrice.", Usd),
                C("Tax", "round(Subtotal × tax rate, 2).", Usd),
                C("Total", "Subtotal + Tax.", Usd),
                C("TenderType", "How the customer paid.", null, Tenders)
            ),
            Doc(
                Model.Tables.OnlineOrderLines,
                TableGroup.Sales,
                "The lines of each online order.",
                C("OrderId", "The order.", null, null, new(Model.Tables.OnlineOrders.Name, "OrderId")),
                C("Line", "Line number within the order, from 1."),
                C("ProductID", "The product.", null, null, Product),
                C("Qty", "Units ordered.", "units"),
                C("UnitPrice", "Price per unit.", Usd),
                C("ExtPrice", "round(UnitPrice × Qty, 2).", Usd)
            ),
        ];
        return docs;
    }

    private static ColumnDoc C(
        string name,
        string description,
        string? unit = null,
        IReadOnlyList<string>? allowed = null,
        ForeignKeyRef? foreignKey = null
    ) => new(name, description, unit, allowed, foreignKey);

    private static TableDoc Doc(TableInfo table, TableGroup group, string description, params ColumnDoc[] columns)
    {
        // Columns appended later (data contract §4) are documented as such until described here.
        var byName = columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var kinds = table.Kinds;
        var ordered = table
            .Columns.Select(
                (name, i) =>
                    (byName.TryGetValue(name, out var doc) ? doc : new ColumnDoc(name, NotYetDescribed)) with
                    {
                        Kind = kinds[i],
                    }
            )
            .ToList();
        return new TableDoc(table, group, description, ordered);
    }
}
