using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Generation;

/// <summary>One generator per table, in FK-aware generation order.</summary>
public static class GeneratorSet
{
    public static IReadOnlyList<ITableGenerator> Create(MasterPlan plan) =>
        [
            new ListGenerator<Geography>(Tables.Geographies, () => plan.Geographies),
            new ListGenerator<DistributionCenter>(Tables.DistributionCenters, () => plan.DistributionCenters),
            new ListGenerator<Store>(Tables.Stores, () => plan.Stores),
            new ListGenerator<Truck>(Tables.Trucks, () => plan.Trucks),
            new CustomerGenerator(plan),
            new ProductGenerator(plan),
            new DcInventorySnapshotGenerator(plan),
            new StoreInventorySnapshotGenerator(plan),
        ];

    /// <summary>Planned rows per table, without generating anything large.</summary>
    public static IReadOnlyDictionary<string, long> PlannedRows(Options.GenerationOptions o) =>
        new Dictionary<string, long>
        {
            [Tables.Geographies.Name] = o.Geographies,
            [Tables.DistributionCenters.Name] = o.DistributionCenters,
            [Tables.Stores.Name] = o.Stores,
            [Tables.Trucks.Name] =
                (long)o.RefrigeratedTrucks
                + o.NonRefrigeratedTrucks
                + o.SupplierRefrigeratedTrucks
                + o.SupplierNonRefrigeratedTrucks,
            [Tables.Customers.Name] = o.Customers,
            [Tables.Products.Name] = o.Products,
            [Tables.DcInventorySnapshots.Name] = (long)o.DistributionCenters * o.Products,
            [Tables.StoreInventorySnapshots.Name] = (long)o.Stores * o.Products,
        };
}
