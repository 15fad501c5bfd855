using System.Globalization;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>Each invariant of DATA-CONTRACT §3, checked with SQL and plain C# over the whole generated small
/// dataset.</summary>
public sealed class FactInvariantTests(SmallDataset dataset)
{
    private static readonly DateOnly Start = SmallDataset.Options.StartDate;

    [Fact]
    public void ReceiptMoney_AddsUpToTheCent()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var lines = db.Rows("SELECT ReceiptId, Qty, UnitPrice, ExtPrice FROM fact_receipt_lines");
        var receipts = db.Rows("SELECT ReceiptId, Subtotal, Tax, Total FROM fact_receipts");

        Assert.True(receipts.Count > 10_000);
        Assert.All(lines, l => Assert.Equal(Round((double)l[2]! * (long)l[1]!), (double)l[3]!));
        var sums = lines.GroupBy(l => (string)l[0]!).ToDictionary(g => g.Key, g => Round(g.Sum(l => (double)l[3]!)));
        Assert.All(
            receipts,
            r =>
            {
                var (subtotal, tax, total) = ((double)r[1]!, (double)r[2]!, (double)r[3]!);
                Assert.Equal(sums[(string)r[0]!], subtotal);
                Assert.Equal(Round(subtotal * SmallDataset.Options.TaxRate), tax);
                Assert.Equal(Round(subtotal + tax), total);
            }
        );
        Assert.Equal(receipts.Count, sums.Count);
    }

    [Fact]
    public void OnlineOrderMoney_AddsUpToTheCent()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var lines = db.Rows("SELECT OrderId, Qty, UnitPrice, ExtPrice FROM fact_online_order_lines");
        var orders = db.Rows("SELECT OrderId, Subtotal, Tax, Total FROM fact_online_orders");

        Assert.True(orders.Count > 1_000);
        Assert.All(lines, l => Assert.Equal(Round((double)l[2]! * (long)l[1]!), (double)l[3]!));
        var sums = lines.GroupBy(l => (string)l[0]!).ToDictionary(g => g.Key, g => Round(g.Sum(l => (double)l[3]!)));
        Assert.All(
            orders,
            o =>
            {
                Assert.Equal(sums[(string)o[0]!], (double)o[1]!);
                Assert.Equal(Round((double)o[1]! * SmallDataset.Options.TaxRate), (double)o[2]!);
                Assert.Equal(Round((double)o[1]! + (double)o[2]!), (double)o[3]!);
            }
        );
    }

    [Fact]
    public void TenderTypes_FollowTheConfiguredWeights()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var total = (double)db.Scalar("SELECT COUNT(*) FROM fact_receipts");
        var shares = db.Rows("SELECT TenderType, COUNT(*) FROM fact_receipts GROUP BY TenderType")
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]! / total);

        Assert.Equal(["CASH", "CREDIT_CARD", "DEBIT_CARD", "MOBILE_PAY"], shares.Keys.Order());
        Assert.InRange(shares["CREDIT_CARD"], 0.37, 0.43);
        Assert.InRange(shares["DEBIT_CARD"], 0.27, 0.33);
        Assert.InRange(shares["CASH"], 0.17, 0.23);
        Assert.InRange(shares["MOBILE_PAY"], 0.08, 0.12);
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_online_orders WHERE TenderType NOT IN ('CREDIT_CARD', 'DEBIT_CARD', "
                    + "'MOBILE_PAY')"
            )
        );
    }

    [Theory]
    [InlineData("fact_store_inventory_txn", "StoreID", "fact_store_inventory_snapshots")]
    [InlineData("fact_dc_inventory_txn", "DCID", "fact_dc_inventory_snapshots")]
    public void InventoryBalances_ReplayFromTheSnapshots_AndNeverGoNegative(
        string txnTable,
        string node,
        string snapshotTable
    )
    {
        using var db = TestRuns.Open(dataset.Directory);
        var start = db.Rows($"SELECT {node}, ProductID, CurrentQuantity FROM {snapshotTable}")
            .ToDictionary(r => ((long)r[0]!, (long)r[1]!), r => (long)r[2]!);
        var txns = db.Rows(
            $"SELECT {node}, ProductID, QtyDelta, Balance FROM {txnTable} ORDER BY {node}, ProductID, EventTS, rowid"
        );

        Assert.True(txns.Count > 1_000);
        var balances = new Dictionary<(long, long), long>(start);
        foreach (var t in txns)
        {
            var key = ((long)t[0]!, (long)t[1]!);
            balances[key] += (long)t[2]!;
            Assert.Equal(balances[key], (long)t[3]!);
            Assert.True((long)t[3]! >= 0, $"negative balance at {key}");
        }
    }

    [Fact]
    public void Reasons_AndSources_NameTheCounterpart()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_store_inventory_txn WHERE NOT ((Reason = 'SALE' AND Source IN "
                    + "('CUSTOMER', 'ONLINE')) OR (Reason = 'RETURN' AND Source IN (SELECT ReceiptId FROM "
                    + "fact_receipts WHERE ReceiptType = 'RETURN')) OR (Reason = 'ADJUSTMENT' AND Source = "
                    + "'CYCLE_COUNT') OR (Reason = 'INBOUND_SHIPMENT' AND Source IN (SELECT ShipmentId FROM "
                    + "fact_truck_moves)))"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_dc_inventory_txn WHERE NOT ((Reason = 'SALE' AND Source = 'ONLINE') OR "
                    + "(Reason = 'INBOUND_SHIPMENT' AND Source = 'SUPPLIER') OR (Reason = 'OUTBOUND_SHIPMENT' AND "
                    + "Source IN (SELECT ShipmentId FROM fact_truck_moves)))"
            )
        );
        foreach (var reason in new[] { "SALE", "RETURN", "ADJUSTMENT", "INBOUND_SHIPMENT" })
        {
            Assert.True(
                db.Scalar($"SELECT COUNT(*) FROM fact_store_inventory_txn WHERE Reason = '{reason}'") > 0,
                reason
            );
        }

        Assert.True(db.Scalar("SELECT COUNT(*) FROM fact_dc_inventory_txn WHERE Reason = 'OUTBOUND_SHIPMENT'") > 0);
    }

    [Fact]
    public void Replenishment_UsesTheServingDcsOwnTrucks_OneShipmentPerStoreDcDay_WithMatchingQuantities()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.True(
            db.Scalar("SELECT COUNT(DISTINCT ShipmentId) FROM fact_truck_moves WHERE StoreID IS NOT NULL") > 10
        );
        Assert.Equal(
            0,
            db.Scalar(
                """
                SELECT COUNT(*) FROM fact_truck_moves m JOIN dim_stores s ON s.ID = m.StoreID JOIN dim_trucks t ON t.ID
                = m.TruckId
                WHERE m.DCID <> s.DCID OR t.DCID IS NOT m.DCID
                """
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                """
                SELECT COUNT(*) FROM (SELECT StoreID, DCID, substr(EventTS, 1, 10) AS Day, COUNT(DISTINCT ShipmentId) AS
                n
                FROM fact_truck_moves WHERE StoreID IS NOT NULL GROUP BY StoreID, DCID, Day) WHERE n > 1
                """
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                """
                SELECT COUNT(*) FROM (SELECT DISTINCT m.ShipmentId, m.TruckId FROM fact_truck_moves m) sh
                JOIN dim_trucks t ON t.ID = sh.TruckId
                WHERE t.Refrigeration = 0 AND EXISTS (
                    SELECT 1 FROM fact_dc_inventory_txn x JOIN dim_products p ON p.ID = x.ProductID
                    WHERE x.Source = sh.ShipmentId AND p.RequiresRefrigeration = 1)
                """
            )
        );
        var outbound = db.Rows(
            "SELECT Source, ProductID, -SUM(QtyDelta) FROM fact_dc_inventory_txn WHERE Reason = 'OUTBOUND_SHIPMENT' "
                + "GROUP BY Source, ProductID ORDER BY Source, ProductID"
        );
        var inbound = db.Rows(
            "SELECT Source, ProductID, SUM(QtyDelta) FROM fact_store_inventory_txn WHERE Reason = 'INBOUND_SHIPMENT' "
                + "GROUP BY Source, ProductID ORDER BY Source, ProductID"
        );
        Assert.NotEmpty(outbound);
        Assert.Equal(outbound.Select(r => (r[0], r[1], r[2])), inbound.Select(r => (r[0], r[1], r[2])));
    }

    [Fact]
    public void SupplierTrucks_ReplenishTheDcs()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_truck_moves m JOIN dim_trucks t ON t.ID = m.TruckId WHERE (m.StoreID IS "
                    + "NULL) <> (t.DCID IS NULL)"
            )
        );
        Assert.True(db.Scalar("SELECT COUNT(DISTINCT ShipmentId) FROM fact_truck_moves WHERE StoreID IS NULL") > 0);
        Assert.True(db.Scalar("SELECT COUNT(*) FROM fact_dc_inventory_txn WHERE Reason = 'INBOUND_SHIPMENT'") > 0);
    }

    [Fact]
    public void TruckMoves_HaveTheFullLifecycleInTimeOrder_AndNoTruckIsOnTwoShipmentsAtOnce()
    {
        string[] lifecycle = ["SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING", "COMPLETED"];
        using var db = TestRuns.Open(dataset.Directory);
        var moves = db.Rows(
            "SELECT ShipmentId, TruckId, Status, EventTS, ETA, ETD FROM fact_truck_moves ORDER BY rowid"
        );
        var shipments = moves.GroupBy(m => (string)m[0]!).ToList();

        Assert.NotEmpty(shipments);
        var trips = new List<(long Truck, string From, string To)>();
        foreach (var shipment in shipments)
        {
            var rows = shipment.ToList();
            Assert.Equal(lifecycle, rows.Select(r => (string)r[2]!));
            Assert.Equal(
                rows.Select(r => (string)r[3]!).Order(StringComparer.Ordinal),
                rows.Select(r => (string)r[3]!)
            );
            Assert.All(
                rows,
                r => Assert.True(string.CompareOrdinal((string)r[4]!, (string)r[5]!) <= 0, "ETA after ETD")
            );
            Assert.Single(rows.Select(r => (long)r[1]!).Distinct());
            trips.Add(((long)rows[0][1]!, (string)rows[0][3]!, (string)rows[^1][3]!));
        }

        foreach (var truck in trips.GroupBy(t => t.Truck))
        {
            var ordered = truck.OrderBy(t => t.From, StringComparer.Ordinal).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                Assert.True(
                    string.CompareOrdinal(ordered[i - 1].To, ordered[i].From) <= 0,
                    $"truck {truck.Key} overlaps at {ordered[i].From}"
                );
            }
        }
    }

    [Fact]
    public void ShopperFunnel_PerStoreHour_EntranceCountCoversBleVisitorsAndReceipts_BeaconsSeeOnlyAppUsers()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows(
            """
            WITH hours AS (SELECT StoreID, substr(EventTS, 1, 13) AS Hour, SUM(Count) AS Entrance FROM fact_foot_traffic
            WHERE Zone = 'ENTRANCE' GROUP BY StoreID, Hour),
                 ble AS (SELECT StoreID, substr(EventTS, 1, 13) AS Hour, COUNT(DISTINCT CustomerBLEId) AS Ble FROM
                 fact_ble_pings GROUP BY StoreID, Hour),
                 rec AS (SELECT StoreID, substr(EventTS, 1, 13) AS Hour, COUNT(*) AS Receipts FROM fact_receipts WHERE
                 ReceiptType = 'SALE' GROUP BY StoreID, Hour)
            SELECT h.StoreID, h.Hour, h.Entrance, COALESCE(b.Ble, 0), COALESCE(r.Receipts, 0)
            FROM hours h LEFT JOIN ble b USING (StoreID, Hour) LEFT JOIN rec r USING (StoreID, Hour)
            """
        );

        Assert.Equal(20 * 14 * 14, rows.Count);
        Assert.All(
            rows,
            r =>
                Assert.True(
                    (long)r[2]! >= (long)r[3]! && (long)r[2]! >= (long)r[4]!,
                    $"store {r[0]} at {r[1]}: {r[2]} ≥ {r[3]} and ≥ {r[4]}"
                )
        );

        // Beacons see only app users (DATA-CONTRACT §4): about appUserPercent (30%) of identified receipts were seen
        // in their store-hour. One grouped pass over the pings instead of a correlated subquery per receipt.
        var seen = db.Real(
            """
            WITH seen AS MATERIALIZED (
                SELECT DISTINCT c.ID AS CustomerID, b.StoreID, substr(b.EventTS, 1, 13) AS Hour
                FROM fact_ble_pings b JOIN dim_customers c ON c.BLEId = b.CustomerBLEId)
            SELECT AVG((s.CustomerID IS NOT NULL) + 0.0) FROM fact_receipts r
            LEFT JOIN seen s ON s.CustomerID = r.CustomerID AND s.StoreID = r.StoreID AND s.Hour = substr(r.EventTS, 1,
            13)
            WHERE r.ReceiptType = 'SALE' AND r.CustomerID IS NOT NULL
            """
        );
        Assert.InRange(seen, 0.2, 0.4);
    }

    [Fact]
    public void SoldProducts_WereLaunchedOnOrBeforeTheSaleDate()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_receipt_lines l JOIN dim_products p ON p.ID = l.ProductID WHERE "
                    + "p.LaunchDate > substr(l.EventTS, 1, 10)"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_online_order_lines l JOIN fact_online_orders o USING (OrderId) JOIN "
                    + "dim_products p ON p.ID = l.ProductID WHERE p.LaunchDate > substr(o.EventTS, 1, 10)"
            )
        );
        Assert.True(
            db.Scalar("SELECT COUNT(*) FROM dim_products WHERE LaunchDate > '2024-01-01'") > 0,
            "some products launch during the period, so the rule is exercised"
        );
    }

    [Fact]
    public void EveryFact_LiesInThePeriod_AndStoreEventsInsideOpenHours()
    {
        var o = SmallDataset.Options;
        var first = Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = Start.AddDays(o.Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59";
        using var db = TestRuns.Open(dataset.Directory);
        foreach (var table in Tables.Facts.Where(t => t.Columns.Contains("EventTS")))
        {
            Assert.Equal(
                0,
                db.Scalar($"SELECT COUNT(*) FROM {table.Name} WHERE EventTS < '{first}' OR EventTS > '{last}'")
            );
        }

        var hours = $"CAST(substr(EventTS, 12, 2) AS INTEGER) NOT BETWEEN {o.StoreOpenHour} AND {o.StoreCloseHour - 1}";
        foreach (
            var table in new[]
            {
                "fact_receipts",
                "fact_receipt_lines",
                "fact_store_inventory_txn",
                "fact_foot_traffic",
                "fact_ble_pings",
            }
        )
        {
            Assert.Equal(0, db.Scalar($"SELECT COUNT(*) FROM {table} WHERE {hours}"));
        }

        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_truck_moves WHERE StoreID IS NOT NULL AND Status IN ('ARRIVED', "
                    + $"'UNLOADING', 'COMPLETED') AND {hours}"
            )
        );
        Assert.Equal(
            0,
            db.Scalar($"SELECT COUNT(*) FROM fact_online_orders WHERE FulfillmentNodeType = 'STORE' AND {hours}")
        );
    }

    [Fact]
    public void Marketing_UsesRealAdIds_UniqueImpressions_KnownChannels_AndTheDeviceMix()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var total = db.Scalar("SELECT COUNT(*) FROM fact_marketing");

        Assert.True(total > 10_000);
        Assert.Equal(total, db.Scalar("SELECT COUNT(DISTINCT ImpressionId) FROM fact_marketing"));
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_marketing m WHERE NOT EXISTS (SELECT 1 FROM dim_customers c WHERE c.AdId "
                    + "= m.CustomerAdId)"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_marketing WHERE Channel NOT IN "
                    + "('FACEBOOK','GOOGLE','INSTAGRAM','YOUTUBE','EMAIL','DISPLAY','SEARCH','SOCIAL','VIDEO')"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM (SELECT CampaignId FROM fact_marketing GROUP BY CampaignId HAVING "
                    + "COUNT(DISTINCT Channel) > 1)"
            )
        );
        var mobile = db.Scalar("SELECT COUNT(*) FROM fact_marketing WHERE Device = 'MOBILE'") / (double)total;
        var desktop = db.Scalar("SELECT COUNT(*) FROM fact_marketing WHERE Device = 'DESKTOP'") / (double)total;
        Assert.InRange(mobile, 0.57, 0.63);
        Assert.InRange(desktop, 0.27, 0.33);
        Assert.True(db.Scalar("SELECT COUNT(DISTINCT CampaignId) FROM fact_marketing") >= 2);
    }

    [Fact]
    public void QualityReport_IsStoredInTheDatabaseAndManifest_WithEveryInvariantChecked_AndNoFailures()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var stored = db.Rows("SELECT \"Check\", Checked, Failed FROM meta_quality")
            .ToDictionary(r => (string)r[0]!, r => ((long)r[1]!, (long)r[2]!));

        Assert.Equal(dataset.Manifest.Quality.Select(q => q.Check).Order(), stored.Keys.Order());
        Assert.Contains("foreign_keys", stored.Keys);
        Assert.True(stored.Count >= 12);
        Assert.All(
            dataset.Manifest.Quality,
            q =>
            {
                Assert.True(q.Checked > 0, $"{q.Check} checked nothing");
                Assert.Equal(0, q.Failed);
                Assert.Equal((q.Checked, q.Failed), stored[q.Check]);
            }
        );
    }

    private static double Round(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
