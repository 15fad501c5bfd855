namespace RetailDatagen.Core.Model;

/// <summary>Every table of the data contract, in generation order.</summary>
public static class Tables
{
    public static readonly TableInfo Geographies = new("dim_geographies", "geographies_master.csv",
        ["ID", "City", "State", "ZipCode", "District", "Region", "Latitude", "Longitude"], ["ID"], 1, "Geographies", typeof(Geography));

    public static readonly TableInfo DistributionCenters = new("dim_distribution_centers", "distribution_centers.csv",
        ["ID", "DCNumber", "Address", "GeographyID"], ["ID"], 2, "Distribution centers", typeof(DistributionCenter));

    public static readonly TableInfo Stores = new("dim_stores", "stores.csv",
        ["ID", "StoreNumber", "Address", "GeographyID", "DCID"], ["ID"], 3, "Stores", typeof(Store));

    public static readonly TableInfo Trucks = new("dim_trucks", "trucks.csv",
        ["ID", "LicensePlate", "Refrigeration", "DCID"], ["ID"], 4, "Trucks", typeof(Truck));

    public static readonly TableInfo Customers = new("dim_customers", "customers.csv",
        ["ID", "FirstName", "LastName", "Address", "GeographyID", "LoyaltyCard", "Phone", "BLEId", "AdId"], ["ID"], 5, "Customers", typeof(Customer));

    public static readonly TableInfo Products = new("dim_products", "products_master.csv",
        ["ID", "ProductName", "Brand", "Company", "Department", "Category", "Subcategory", "Cost", "MSRP", "SalePrice", "RequiresRefrigeration", "LaunchDate"], ["ID"], 5, "Products", typeof(Product));

    public static readonly TableInfo DcInventorySnapshots = new("fact_dc_inventory_snapshots", "dc_inventory_snapshots.csv",
        ["DCID", "ProductID", "CurrentQuantity", "ReorderPoint", "LastUpdated"], ["DCID", "ProductID"], 6, "DC inventory snapshots", typeof(DcInventorySnapshot));

    public static readonly TableInfo StoreInventorySnapshots = new("fact_store_inventory_snapshots", "store_inventory_snapshots.csv",
        ["StoreID", "ProductID", "CurrentQuantity", "ReorderPoint", "LastUpdated"], ["StoreID", "ProductID"], 6, "Store inventory snapshots", typeof(StoreInventorySnapshot));

    public static IReadOnlyList<TableInfo> All { get; } =
        [Geographies, DistributionCenters, Stores, Trucks, Customers, Products, DcInventorySnapshots, StoreInventorySnapshots];

    public static TableInfo? FindByName(string name) => All.FirstOrDefault(t => t.Name == name);

    public static TableInfo? FindByCsvStem(string stem) => All.FirstOrDefault(t => t.CsvStem == stem);
}
