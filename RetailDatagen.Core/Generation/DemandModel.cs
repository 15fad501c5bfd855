using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// What shoppers buy and how much stock that takes. Baskets draw a department by the profile's line weight
/// (revenue share ÷ the department's expected line value, so revenue lands on the profile's mix), then a product
/// by a Zipf-like popularity within the department. From the same numbers it derives each store-product's and
/// DC-product's expected daily demand, reorder point and order-up-to level (DATA-CONTRACT §4), which the snapshot
/// tables record and the simulation follows.
/// </summary>
public sealed class DemandModel
{
    private readonly MasterPlan _plan;
    private readonly AliasTable _departments;
    private readonly AliasTable[] _productsOf;
    private readonly int[][] _departmentProducts;
    private readonly double[] _lineShare;
    private readonly double[] _storeDemand;
    private readonly double[] _dcDemandScale;
    private readonly double[] _popularity;
    private readonly int[]?[] _largestStoreOrder;

    public DemandModel(MasterPlan plan)
    {
        _plan = plan;
        var o = plan.Options;
        Profile = plan.Profile;
        var generator = new ProductGenerator(plan);
        Products = [.. Enumerable.Range(0, o.Products).Select(i => (Product)generator.Create(i))];
        LaunchDay = [.. Products.Select(p => p.LaunchDate.DayNumber)];
        string[] departments = [.. Profile.Departments.Select(d => d.Name)];
        Departments = departments;
        DepartmentOf = [.. Products.Select(p => Array.IndexOf(departments, p.Department))];
        var patterns = Profile.Departments.Select(d => RetailerProfiles.Instance.Quantities[d.Quantity]).ToArray();
        Quantity =
        [
            .. Products.Select(p =>
                p.SalePrice >= BigTicketPrice ? SingleUnit : patterns[Array.IndexOf(departments, p.Department)]
            ),
        ];

        var popularity = Popularity(o.Seed, o.Products);
        _popularity = popularity;
        _departmentProducts =
        [
            .. Departments.Select((_, d) => Enumerable.Range(0, o.Products).Where(p => DepartmentOf[p] == d).ToArray()),
        ];
        _productsOf =
        [
            .. _departmentProducts.Select(list =>
                list.Length == 0 ? new AliasTable([1.0]) : new AliasTable([.. list.Select(p => popularity[p])])
            ),
        ];

        // Line weight of a department = its revenue share ÷ its expected line value (popularity-weighted price ×
        // units).
        var lineWeights = new double[Departments.Count];
        _lineShare = new double[o.Products];
        for (var d = 0; d < Departments.Count; d++)
        {
            var list = _departmentProducts[d];
            var weight = list.Sum(p => popularity[p]);
            if (list.Length == 0 || weight <= 0)
            {
                continue;
            }

            var lineValue = list.Sum(p => popularity[p] * Products[p].SalePrice * Quantity[p].Mean) / weight;
            lineWeights[d] = Profile.Departments[d].RevenueShare / lineValue;
            foreach (var p in list)
            {
                _lineShare[p] = popularity[p] / weight;
            }
        }

        var totalLineWeight = lineWeights.Sum();
        for (var p = 0; p < o.Products; p++)
        {
            _lineShare[p] *= lineWeights[DepartmentOf[p]] / totalLineWeight;
        }

        _departments = new AliasTable([.. lineWeights.Select(w => Math.Max(w, 1e-12))]);
        // Store volume follows the shoppers living around the store (DATA-CONTRACT §4), mean 1 over stores.
        StoreTraffic =
        [
            .. Enumerable.Range(1, o.Stores).Select(s => Math.Max(0.25, plan.TradeAreas.StoreDemandWeight(s))),
        ];
        _storeDemand = [.. StoreTraffic.Select(t => o.CustomersPerStorePerDay * t * Profile.MeanLinesPerReceipt)];
        Routes = new Routes(plan);
        _dcDemandScale = new double[o.DistributionCenters];
        _largestStoreOrder = new int[]?[o.DistributionCenters];
        foreach (var store in plan.Stores)
        {
            _dcDemandScale[store.DCID - 1] += _storeDemand[store.ID - 1];
        }
    }

    /// <summary>Products at or above this price are bought one at a time.</summary>
    public const double BigTicketPrice = 200;

    private static readonly QuantityPattern SingleUnit = new("one", [1], [1]);

    public RetailerProfile Profile { get; }

    public IReadOnlyList<Product> Products { get; }

    public int[] LaunchDay { get; }

    public IReadOnlyList<string> Departments { get; }

    /// <summary>Index into <see cref="Departments"/> of each product (0-based).</summary>
    public int[] DepartmentOf { get; }

    /// <summary>Units per line of each product.</summary>
    public QuantityPattern[] Quantity { get; }

    /// <summary>Relative receipts of each store (0-based): its trade area's shopper population; 1 is an average
    /// store.</summary>
    public double[] StoreTraffic { get; }

    public Routes Routes { get; }

    /// <summary>
    /// A product (0-based) for one basket line on a day: launched on or before it, new products ramping up over
    /// <see cref="SupplyChain.LaunchRampDays"/>; -1 when the draws found none.
    /// </summary>
    public int DrawProduct(ref RowRandom random, int dayNumber)
    {
        for (var attempt = 0; attempt < 16; attempt++)
        {
            var d = _departments.Sample(ref random);
            var list = _departmentProducts[d];
            if (list.Length == 0)
            {
                continue;
            }

            var p = list[_productsOf[d].Sample(ref random)];
            var age = dayNumber - LaunchDay[p];
            if (
                age >= 0
                && (age >= SupplyChain.LaunchRampDays || random.Chance(0.3 + (0.7 * age / SupplyChain.LaunchRampDays)))
            )
            {
                return p;
            }
        }

        return -1;
    }

    /// <summary>The <paramref name="count"/> most popular products (0-based) of a department (index into <see
    /// cref="Departments"/>).</summary>
    public int[] BestSellers(int department, int count) =>
        [.. _departmentProducts[department].OrderByDescending(p => _popularity[p]).ThenBy(p => p).Take(count)];

    /// <summary>Units for a line of the product.</summary>
    public int DrawUnits(ref RowRandom random, int product)
    {
        var pattern = Quantity[product];
        var roll = random.NextDouble() * pattern.Weights.Sum();
        for (var i = 0; i < pattern.Units.Length; i++)
        {
            roll -= pattern.Weights[i];
            if (roll < 0)
            {
                return pattern.Units[i];
            }
        }

        return pattern.Units[^1];
    }

    /// <summary>Expected units per day of a product at a store (0-based both), in-store and store-fulfilled
    /// online.</summary>
    public double StoreDailyUnits(int store, int product) =>
        (_storeDemand[store] * _lineShare[product] * Quantity[product].Mean) + OnlineStoreUnits(product);

    /// <summary>Variance of a day's units of a product at a store (compound Poisson: lines × E[units²]).</summary>
    public double StoreDailyVariance(int store, int product) =>
        _storeDemand[store] * _lineShare[product] * Quantity[product].MeanSquare;

    /// <summary>Reorder point and order-up-to level of a store-product (0-based), from demand over lead time and review
    /// interval.</summary>
    public (int Reorder, int OrderUpTo) StoreLevels(int store, int product)
    {
        var o = _plan.Options;
        var mean = StoreDailyUnits(store, product);
        var cold = Products[product].RequiresRefrigeration;
        var exposure = Routes.StoreLeadDays(store) + Routes.ReviewDays(_plan.Stores[store].DCID - 1, cold);
        var reorder = (int)
            Math.Ceiling(
                (mean * SupplyChain.PeakFactor * exposure)
                    + (SupplyChain.ServiceZ * Math.Sqrt(StoreDailyVariance(store, product) * exposure))
            );
        reorder = Math.Clamp(
            Math.Max(reorder, SupplyChain.MinFacings - 1),
            o.StoreReorderPointMin,
            o.StoreReorderPointMax
        );
        var cycle = (int)Math.Ceiling(mean * Routes.ReviewDays(_plan.Stores[store].DCID - 1, cold));
        var upTo = reorder + Math.Max(cycle, SupplyChain.MinFacings);
        return (
            reorder,
            Math.Clamp(upTo, Math.Max(reorder + 1, o.StoreInventoryMin), Math.Max(reorder + 1, o.StoreInventoryMax))
        );
    }

    /// <summary>Reorder point and order-up-to level of a DC-product (0-based), from its stores' demand and the supplier
    /// lead time.</summary>
    public (int Reorder, int OrderUpTo) DcLevels(int dc, int product)
    {
        var o = _plan.Options;
        var daily = (_dcDemandScale[dc] * _lineShare[product] * Quantity[product].Mean) + OnlineDcUnits(product);
        var variance = _dcDemandScale[dc] * _lineShare[product] * Quantity[product].MeanSquare;
        var exposure =
            Routes.SupplierLeadDays(dc, Products[product].RequiresRefrigeration) + 1 + SupplyChain.DcSafetyDays;
        var reorder = (int)
            Math.Ceiling(
                (daily * SupplyChain.PeakFactor * exposure)
                    + (SupplyChain.ServiceZ * Math.Sqrt(variance * exposure))
                    + LargestStoreOrder(dc, product)
            );
        reorder = Math.Clamp(reorder, o.DcReorderPointMin, o.DcReorderPointMax);
        var upTo = reorder + (int)Math.Ceiling(daily * SupplyChain.DcOrderCycleDays);
        return (
            reorder,
            Math.Clamp(upTo, Math.Max(reorder + 1, o.DcInventoryMin), Math.Max(reorder + 1, o.DcInventoryMax))
        );
    }

    private double OnlineStoreUnits(int product) =>
        _plan.Options.OnlineOrdersPerDay
        * SupplyChain.OnlineFromStoreShare
        * SupplyChain.OnlineUnitsPerOrder
        * _lineShare[product]
        / Math.Max(1, _plan.Options.Stores);

    private double OnlineDcUnits(int product) =>
        _plan.Options.OnlineOrdersPerDay
        * (1 - SupplyChain.OnlineFromStoreShare)
        * SupplyChain.OnlineUnitsPerOrder
        * _lineShare[product]
        / Math.Max(1, _plan.Options.DistributionCenters);

    // A store order refills up to its order-up-to level, so a DC must hold at least the largest one on top of the
    // flow. Computed once per DC (every product at once) on first use: each DC row would otherwise redo its stores.
    private int LargestStoreOrder(int dc, int product)
    {
        var largest = _largestStoreOrder[dc];
        if (largest is null)
        {
            lock (_largestStoreOrder)
            {
                largest = _largestStoreOrder[dc] ??= [
                    .. Enumerable
                        .Range(0, Products.Count)
                        .Select(p =>
                            Routes.StoresOf(dc).Select(s => StoreLevels(s, p).OrderUpTo).DefaultIfEmpty(0).Max()
                        ),
                ];
            }
        }

        return largest[product];
    }

    // A few products sell far more than others: Zipf-like weights by a seeded rank.
    private static double[] Popularity(long seed, int count)
    {
        var ranks = Enumerable.Range(0, count).ToArray();
        for (var i = ranks.Length - 1; i > 0; i--)
        {
            var random = new RowRandom(seed, RandomStream.ProductPopularity, i);
            var j = random.NextInt(i + 1);
            (ranks[i], ranks[j]) = (ranks[j], ranks[i]);
        }

        var weights = new double[count];
        for (var i = 0; i < count; i++)
        {
            weights[ranks[i]] = 1.0 / Math.Pow(i + 10, 0.8);
        }

        return weights;
    }
}
