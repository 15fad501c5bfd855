using RetailDatagen.Core.Quality;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// The shopper targets of DATA-CONTRACT §4 (trade areas, anonymous sales, visit frequency, sensors, marketing,
/// refunds), each measured with SQL on the generated small dataset.
/// </summary>
public sealed class ShopperRealismTests(SmallDataset dataset)
{
    // Great-circle miles between two (lat, lon) columns, in SQLite's math functions.
    private static string Miles(string lat1, string lon1, string lat2, string lon2) =>
        $"3958.8 * 2 * asin(min(1, sqrt(power(sin(radians({lat2} - {lat1}) / 2), 2) + cos(radians({lat1})) * "
        + $"cos(radians({lat2})) * power(sin(radians({lon2} - {lon1}) / 2), 2))))";

    [Fact]
    public void IdentifiedShoppers_ShopNearHome_AndRarelyInTwoFarCitiesOnOneDay()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var near = db.Real(
            $"""
            SELECT AVG(({Miles("c.Latitude", "c.Longitude", "g.Latitude", "g.Longitude")} <= 50) + 0.0)
            FROM fact_receipts r JOIN dim_customers c ON c.ID = r.CustomerID JOIN dim_stores s ON s.ID = r.StoreID JOIN
            dim_geographies g ON g.ID = s.GeographyID
            WHERE r.ReceiptType = 'SALE'
            """
        );
        var farDays = db.Real(
            $"""
            WITH visits AS (SELECT DISTINCT r.CustomerID, substr(r.EventTS, 1, 10) AS Day, g.Latitude AS Lat,
            g.Longitude AS Lon
                            FROM fact_receipts r JOIN dim_stores s ON s.ID = r.StoreID JOIN dim_geographies g ON g.ID =
                            s.GeographyID
                            WHERE r.CustomerID IS NOT NULL AND r.ReceiptType = 'SALE'),
                 days AS (SELECT DISTINCT CustomerID, Day FROM visits),
                 far AS (SELECT DISTINCT a.CustomerID, a.Day FROM visits a JOIN visits b ON a.CustomerID = b.CustomerID
                 AND a.Day = b.Day
                         WHERE {Miles("a.Lat", "a.Lon", "b.Lat", "b.Lon")} > 100)
            SELECT (SELECT COUNT(*) FROM far) * 1.0 / (SELECT COUNT(*) FROM days)
            """
        );

        Assert.True(near >= 0.9, $"{near:P1} of identified receipts within 50 miles of home");
        Assert.True(farDays <= 0.005, $"{farDays:P2} of customer-days in two cities > 100 miles apart");
    }

    [Fact]
    public void Receipts_AreOftenAnonymous_MostlyCash_AndRegularsBringAThirdOfTheVisits()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var anonymous = db.Real("SELECT AVG((CustomerID IS NULL) + 0.0) FROM fact_receipts WHERE ReceiptType = 'SALE'");
        var cashAnonymous = db.Real(
            "SELECT AVG((CustomerID IS NULL) + 0.0) FROM fact_receipts WHERE ReceiptType = 'SALE' AND TenderType = "
                + "'CASH'"
        );
        var counts = db.Rows(
                "SELECT COUNT(*) FROM fact_receipts WHERE CustomerID IS NOT NULL AND ReceiptType = 'SALE' GROUP BY "
                    + "CustomerID ORDER BY 1 DESC"
            )
            .Select(r => (long)r[0]!)
            .ToList();
        var topDecile = counts.Take(counts.Count / 10).Sum() / (double)counts.Sum();

        Assert.InRange(anonymous, 0.2, 0.6);
        Assert.True(cashAnonymous > 0.5, $"{cashAnonymous:P0} of cash sales anonymous");
        Assert.True(topDecile >= 0.3, $"top 10% of active customers bring {topDecile:P0} of identified receipts");
    }

    [Fact]
    public void StoreVolume_FollowsTheCustomersLivingNearby()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var stores = db.Rows(
            $"""
            SELECT s.ID, (SELECT COUNT(*) FROM fact_receipts r WHERE r.StoreID = s.ID),
                   (SELECT COUNT(*) FROM dim_customers c WHERE {Miles(
                "c.Latitude",
                "c.Longitude",
                "g.Latitude",
                "g.Longitude"
            )} <= 25)
            FROM dim_stores s JOIN dim_geographies g ON g.ID = s.GeographyID
            """
        );

        var rho = RankCorrelation.Spearman(
            [.. stores.Select(r => (double)(long)r[1]!)],
            [.. stores.Select(r => (double)(long)r[2]!)]
        );
        Assert.True(rho >= 0.5, $"Spearman {rho:F2}");
    }

    [Fact]
    public void BleVisits_RunFromTheEntranceToTheCheckout_AndEntranceDwellIsShort()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var visits = db.Rows(
                "SELECT StoreID, CustomerBLEId, substr(EventTS, 1, 13), Zone, EventTS FROM fact_ble_pings ORDER BY "
                    + "StoreID, CustomerBLEId, EventTS, rowid"
            )
            .GroupBy(r => ((long)r[0]!, (string)r[1]!, (string)r[2]!))
            .Select(g => g.ToList())
            .ToList();
        var ordered = visits.Count(v => (string)v[0][3]! == "ENTRANCE");
        var dwell = db.Rows(
                "SELECT Zone, SUM(Dwell * Count) * 1.0 / SUM(Count) FROM fact_foot_traffic WHERE Count > 0 GROUP BY "
                    + "Zone"
            )
            .ToDictionary(r => (string)r[0]!, r => (double)r[1]!);
        var bleZones = db.Rows("SELECT DISTINCT Zone FROM fact_ble_pings").Select(r => (string)r[0]!).ToHashSet();
        var trafficZones = db.Rows("SELECT DISTINCT Zone FROM fact_foot_traffic")
            .Select(r => (string)r[0]!)
            .ToHashSet();
        var ratio = db.Rows(
                """
                SELECT (SELECT COUNT(*) FROM fact_receipts r WHERE r.StoreID = f.StoreID AND substr(r.EventTS, 1, 10) =
                f.Day AND r.ReceiptType = 'SALE') * 1.0 / f.Entrance
                FROM (SELECT StoreID, substr(EventTS, 1, 10) AS Day, SUM(Count) AS Entrance FROM fact_foot_traffic WHERE
                Zone = 'ENTRANCE' GROUP BY 1, 2) f
                """
            )
            .Select(r => (double)r[0]!)
            .ToList();

        Assert.True(ordered >= 0.95 * visits.Count, $"{ordered} of {visits.Count} visits start at the entrance");
        Assert.True(
            dwell["ENTRANCE"] <= 180 && dwell.Where(d => d.Key != "ENTRANCE").All(d => d.Value > dwell["ENTRANCE"]),
            "the entrance is walked through"
        );
        Assert.Subset(trafficZones, bleZones);
        Assert.True(trafficZones.Count >= 8);
        Assert.All(ratio, r => Assert.InRange(r, 0.15, 0.70));
    }

    [Fact]
    public void Marketing_UsesEveryChannel_SleepsAtNight_AndSomeImpressionsConvert()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var channels = db.Scalar("SELECT COUNT(DISTINCT Channel) FROM fact_marketing");
        var night = db.Real("SELECT AVG((CAST(substr(EventTS, 12, 2) AS INTEGER) < 5) + 0.0) FROM fact_marketing");

        // The README's conversion and ROAS query: campaign purchases are receipt lines whose PromoCode is the campaign.
        var campaigns = db.Rows(
            """
            WITH spend AS (SELECT CampaignId, COUNT(*) AS Impressions, SUM(Cost) AS Cost FROM fact_marketing GROUP BY
            CampaignId),
                 sales AS (SELECT l.PromoCode AS CampaignId, COUNT(DISTINCT l.ReceiptId) AS Orders, SUM(l.ExtPrice) AS
                 Revenue
                           FROM fact_receipt_lines l WHERE l.PromoCode LIKE 'CMP-%' GROUP BY l.PromoCode)
            SELECT s.CampaignId, s.Impressions, COALESCE(x.Orders, 0), COALESCE(x.Revenue, 0) / s.Cost AS Roas
            FROM spend s LEFT JOIN sales x USING (CampaignId)
            """
        );
        var converted = campaigns.Sum(r => (long)r[2]!) / (double)campaigns.Sum(r => (long)r[1]!);
        var sameCustomer = db.Real(
            """
            SELECT AVG(EXISTS (SELECT 1 FROM fact_marketing m JOIN dim_customers c ON c.AdId = m.CustomerAdId
                               WHERE c.ID = r.CustomerID AND m.CampaignId = l.PromoCode AND m.EventTS < r.EventTS) +
                               0.0)
            FROM fact_receipt_lines l JOIN fact_receipts r USING (ReceiptId) WHERE l.PromoCode LIKE 'CMP-%'
            """
        );

        Assert.True(channels >= 5);
        Assert.True(night <= 0.10, $"{night:P1} of impressions at night");
        Assert.InRange(converted, 0.003, 0.03);
        Assert.Equal(1.0, sameCustomer);
    }

    [Fact]
    public void Returns_AreRefundReceipts_WithNegativeAmounts_AndTheirStockComesBackUnderTheirId()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.True(db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE ReceiptType = 'RETURN'") > 10);
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_receipts WHERE ReceiptType = 'RETURN' AND (Subtotal >= 0 OR Total >= 0 OR "
                    + "ReturnForReceiptId IS NULL)"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_receipts WHERE ReceiptType = 'SALE' AND (Subtotal <= 0 OR "
                    + "ReturnForReceiptId IS NOT NULL)"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_receipts f JOIN fact_receipts o ON o.ReceiptId = f.ReturnForReceiptId "
                    + "WHERE o.ReceiptType <> 'SALE' OR o.EventTS >= f.EventTS OR o.StoreID <> f.StoreID"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_receipt_lines l JOIN fact_receipts r USING (ReceiptId) WHERE "
                    + "(r.ReceiptType = 'RETURN') <> (l.Qty < 0)"
            )
        );
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_store_inventory_txn t WHERE t.Reason = 'RETURN' AND NOT EXISTS (SELECT 1 "
                    + "FROM fact_receipts r WHERE r.ReceiptId = t.Source AND r.ReceiptType = 'RETURN')"
            )
        );
    }
}
