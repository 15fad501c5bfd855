using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// The merchandise and supply-chain targets of DATA-CONTRACT §4, each measured with SQL straight from the generated
/// small dataset (independently of the run's own realism report, which is checked against them too).
/// </summary>
public sealed class RealismTests(SmallDataset dataset)
{
    private const string SaleLines =
        "fact_receipt_lines l JOIN fact_receipts r USING (ReceiptId) JOIN dim_products p ON p.ID = l.ProductID WHERE "
        + "r.ReceiptType = 'SALE'";

    [Fact]
    public void Supercenter_RevenueIsGroceryAnchored_ElectronicsStaysSmall()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var food = db.Real(
            "SELECT SUM(CASE WHEN p.Department IN ('Grocery','Produce','Dairy','Meat & "
                + $"Seafood','Frozen','Bakery','Beverages') THEN l.ExtPrice END) / SUM(l.ExtPrice) FROM {SaleLines}"
        );
        var electronics = db.Real(
            $"SELECT SUM(CASE WHEN p.Department = 'Electronics' THEN l.ExtPrice END) / SUM(l.ExtPrice) FROM {SaleLines}"
        );

        Assert.InRange(food, 0.45, 0.70);
        Assert.InRange(electronics, 0.005, 0.15);
    }

    [Fact]
    public void Baskets_HoldSixToFourteenLines_AndBigTicketItemsSellOneAtATime()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var lines = db.Real(
            "SELECT AVG(n) FROM (SELECT COUNT(*) AS n FROM fact_receipt_lines l JOIN fact_receipts r USING "
                + "(ReceiptId) WHERE r.ReceiptType = 'SALE' GROUP BY ReceiptId)"
        );
        var bigTicket = db.Scalar($"SELECT COUNT(*) FROM {SaleLines} AND p.SalePrice >= 200");
        var singles = db.Scalar($"SELECT COUNT(*) FROM {SaleLines} AND p.SalePrice >= 200 AND l.Qty = 1");
        var multiples = db.Scalar(
            $"SELECT COUNT(*) FROM {SaleLines} AND p.Department IN ('Grocery','Beverages','Dairy') AND l.Qty >= 4"
        );

        Assert.InRange(lines, 6, 14);
        Assert.True(bigTicket > 0, "big-ticket lines exist, so the rule is exercised");
        Assert.True(singles >= 0.97 * bigTicket, $"{singles} of {bigTicket} big-ticket lines buy one unit");
        Assert.True(multiples > 100, "staples are bought in multiples");
    }

    [Fact]
    public void Catalog_DepartmentsDifferInSize_BrandsStayInOneDepartment_PricesEndLikeShelfPrices()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var sizes = db.Rows("SELECT COUNT(*) FROM dim_products GROUP BY Department")
            .Select(r => (double)(long)r[0]!)
            .ToList();
        var mean = sizes.Average();
        var cv = Math.Sqrt(sizes.Average(x => (x - mean) * (x - mean))) / mean;
        var mixedBrands = db.Scalar(
            """
            SELECT COUNT(*) FROM (SELECT Brand FROM dim_products GROUP BY Brand HAVING COUNT(DISTINCT Department) > 1
            AND SUM(Department NOT IN ('Grocery','Produce','Dairy','Meat & Seafood','Frozen','Bakery','Beverages')) > 0)
            """
        );
        var endings = db.Real(
            """
            SELECT AVG((CAST(ROUND(SalePrice * 100) AS INTEGER) % 100 IN (29, 49, 79, 89, 97, 99)) + 0.0) FROM
            dim_products
            """
        );

        Assert.True(cv >= 0.3, $"coefficient of variation {cv:F2}");
        Assert.Equal(0, mixedBrands);
        Assert.True(endings >= 0.5, $"{endings:P0} of sale prices end like shelf prices");
    }

    [Fact]
    public void Trucks_DriveAtRoadSpeeds_SomeArriveLate_EveryStoreIsServedEveryWeek()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var speed = db.Real(
            """
            SELECT MAX(d.DistanceMiles / ((julianday(a.EventTS) - julianday(d.EventTS)) * 24))
            FROM fact_truck_moves d JOIN fact_truck_moves a ON a.ShipmentId = d.ShipmentId AND a.Status = 'ARRIVED'
            WHERE d.Status = 'IN_TRANSIT'
            """
        );
        var late = db.Real("SELECT AVG((EventTS > ETA) + 0.0) FROM fact_truck_moves WHERE Status = 'ARRIVED'");
        var days = SmallDataset.Options.Days;
        var storesMissingAWeek = db.Scalar(
            $"""
            WITH RECURSIVE w(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM w WHERE s + 7 < {days}),
            deliveries AS (SELECT DISTINCT StoreID, julianday(substr(EventTS, 1, 10)) - julianday('2024-01-01') AS d
                           FROM fact_store_inventory_txn WHERE Reason = 'INBOUND_SHIPMENT')
            SELECT COUNT(*) FROM dim_stores st CROSS JOIN w
            WHERE NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.StoreID = st.ID AND x.d >= w.s AND x.d < w.s + 7)
            """
        );
        var dcsMissingAWeek = db.Scalar(
            $"""
            WITH RECURSIVE w(s) AS (SELECT 0 UNION ALL SELECT s + 1 FROM w WHERE s + 7 < {days}),
            deliveries AS (SELECT DISTINCT DCID, julianday(substr(EventTS, 1, 10)) - julianday('2024-01-01') AS d
                           FROM fact_dc_inventory_txn WHERE Reason = 'INBOUND_SHIPMENT')
            SELECT COUNT(*) FROM dim_distribution_centers dc CROSS JOIN w
            WHERE NOT EXISTS (SELECT 1 FROM deliveries x WHERE x.DCID = dc.ID AND x.d >= w.s AND x.d < w.s + 7)
            """
        );

        Assert.InRange(speed, 20, 70);
        Assert.InRange(late, 0.01, 0.12);
        Assert.Equal(0, storesMissingAWeek);
        Assert.Equal(0, dcsMissingAWeek);
        Assert.True(
            db.Scalar("SELECT COUNT(DISTINCT TruckId) FROM fact_truck_moves WHERE StoreID IS NULL") > 1,
            "supplier trucks are used"
        );
    }

    [Fact]
    public void RealismReport_IsStoredInTheDatabaseAndManifest_AndEveryKpiMeetsItsTarget()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var stored = db.Rows("SELECT Kpi, Value, Target, Met FROM meta_realism")
            .ToDictionary(r => (string)r[0]!, r => ((double)r[1]!, (string)r[2]!, (long)r[3]! == 1));

        Assert.Equal(dataset.Manifest.Realism.Select(k => k.Kpi).Order(), stored.Keys.Order());
        foreach (var kpi in dataset.Manifest.Realism)
        {
            Assert.Equal((kpi.Value, kpi.Target, kpi.Met), stored[kpi.Kpi]);
        }

        string[] expected =
        [
            "food_revenue_share",
            "electronics_revenue_share",
            "department_mix_gap",
            "lines_per_receipt",
            "big_ticket_single_unit",
            "in_stock_avg",
            "store_weeks_without_delivery",
            "dc_weeks_without_supplier_delivery",
            "truck_speed_max",
            "late_trip_share",
            "closed_day_receipts",
            "department_size_cv",
            "retail_price_endings",
            "launched_by_start",
            "brands_single_department",
        ];
        Assert.Subset(stored.Keys.ToHashSet(), expected.ToHashSet());
        Assert.All(dataset.Manifest.Realism, k => Assert.True(k.Met, $"{k.Kpi} = {k.Value} misses {k.Target}"));
    }

    [Fact]
    public async Task GeneralMerchandise_SellsLittleFood_AndNoDepartmentHoldsMoreThanFortyPercent()
    {
        using var temp = new TempDirectory();
        var options = TestRuns.Tiny with { Profile = "general-merchandise", Days = 4, Format = OutputFormat.Sqlite };
        var manifest = await TestRuns.GenerateAsync(
            options,
            temp.Combine("gm"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("gm"));
        var food = db.Real(
            "SELECT SUM(CASE WHEN p.Department IN ('Grocery','Produce','Dairy','Meat & "
                + $"Seafood','Frozen','Bakery','Beverages') THEN l.ExtPrice END) / SUM(l.ExtPrice) FROM {SaleLines}"
        );
        var largest = db.Real(
            "SELECT MAX(n) * 1.0 / SUM(n) FROM (SELECT COUNT(*) AS n FROM dim_products GROUP BY Department)"
        );

        Assert.InRange(food, 0.12, 0.30);
        Assert.True(largest <= 0.40);
        Assert.Contains(manifest.Realism, k => k.Kpi == "food_revenue_share" && k.Met);
    }

    [Fact]
    public async Task YearLongRun_KeepsStoresInStock_WithoutDrift()
    {
        using var temp = new TempDirectory();
        var options = TestRuns.Tiny with
        {
            Stores = 3,
            DistributionCenters = 2,
            Products = 150,
            Customers = 1_000,
            Days = 365,
            // Twenty shoppers a store a day still empty shelves and bring Black Friday crowds; forty only doubled
            // the rows (and the time) the year takes to write and replay.
            CustomersPerStorePerDay = 20,
            OnlineOrdersPerDay = 20,
            MarketingImpressionsPerDay = 10,
            Format = OutputFormat.Sqlite,
        };
        var manifest = await TestRuns.GenerateAsync(
            options,
            temp.Combine("year"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("year"));

        // Replay every store-product's stock from the snapshot and the transactions; measure each day's in-stock rate
        // over the products launched by that day.
        var balance = db.Rows("SELECT StoreID, ProductID, CurrentQuantity FROM fact_store_inventory_snapshots")
            .ToDictionary(r => ((long)r[0]!, (long)r[1]!), r => (long)r[2]!);
        var launch = db.Rows("SELECT ID, LaunchDate FROM dim_products")
            .ToDictionary(r => (long)r[0]!, r => (string)r[1]!);
        var txns = StoreTransactions(db);
        var daily = new List<double>();
        var t = 0;
        for (var d = 0; d < options.Days; d++)
        {
            var day = options
                .StartDate.AddDays(d)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            for (; t < txns.Count && string.CompareOrdinal(txns[t].Day, day) <= 0; t++)
            {
                balance[(txns[t].Store, txns[t].Product)] = txns[t].Balance;
            }

            var launched = balance.Where(b => string.CompareOrdinal(launch[b.Key.Item2], day) <= 0).ToList();
            daily.Add(launched.Count(b => b.Value > 0) / (double)launched.Count);
        }

        var afterWarmUp = daily.Skip(14).ToList();
        var drift = daily.TakeLast(30).Average() - daily.Skip(14).Take(31).Average();
        Assert.True(afterWarmUp.Min() >= 0.92, $"lowest in-stock rate after day 14: {afterWarmUp.Min():P1}");
        Assert.InRange(drift, -0.03, 0.03);
        Assert.Contains(manifest.Realism, k => k.Kpi == "in_stock_drift" && k.Met);
        Assert.Contains(manifest.Realism, k => k.Kpi == "black_friday_ratio" && k.Met);
        Assert.Equal(
            0,
            db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE substr(EventTS, 1, 10) IN ('2024-11-28', '2024-12-25')")
        );
    }

    // Typed rather than TestRuns.Rows: a year holds a few hundred thousand transactions.
    private static List<(string Day, long Store, long Product, long Balance)> StoreTransactions(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText =
            "SELECT substr(EventTS, 1, 10), StoreID, ProductID, Balance FROM fact_store_inventory_txn ORDER BY "
            + "EventTS, rowid";
        using var reader = command.ExecuteReader();
        var txns = new List<(string, long, long, long)>();
        while (reader.Read())
        {
            txns.Add((reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }

        return txns;
    }
}
