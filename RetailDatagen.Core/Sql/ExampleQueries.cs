namespace RetailDatagen.Core.Sql;

/// <summary>
/// The console's library of retail questions, in one place so it can grow. Each query uses only the columns of the
/// data contract (§1–§3), so columns appended later (§4) never break it; a test runs every one on the small preset.
/// </summary>
public static class ExampleQueries
{
    public static IReadOnlyList<ExampleQuery> All { get; } =
    [
        new(
            "revenue-by-region-day",
            "Revenue by region and day",
            "How much did each region sell each day?",
            """
            SELECT substr(r.EventTS, 1, 10) AS Day, g.Region, COUNT(*) AS Receipts, ROUND(SUM(r.Total), 2) AS Revenue
            FROM fact_receipts r
            JOIN dim_stores s ON s.ID = r.StoreID
            JOIN dim_geographies g ON g.ID = s.GeographyID
            GROUP BY Day, g.Region
            ORDER BY Day, g.Region
            """
        ),
        new(
            "top-products-by-department",
            "Top products by department",
            "Which five products sell most in each department?",
            """
            WITH sales AS (
              SELECT p.Department, p.ProductName, SUM(l.Qty) AS Units, SUM(l.ExtPrice) AS Revenue
              FROM fact_receipt_lines l JOIN dim_products p ON p.ID = l.ProductID
              GROUP BY p.ID),
            ranked AS (
              SELECT *, ROW_NUMBER() OVER (PARTITION BY Department ORDER BY Revenue DESC) AS Rank FROM sales)
            SELECT Department, Rank, ProductName, Units, ROUND(Revenue, 2) AS Revenue
            FROM ranked WHERE Rank <= 5
            ORDER BY Department, Rank
            """
        ),
        new(
            "basket-size-distribution",
            "Basket size distribution",
            "How many lines does a receipt have?",
            """
            SELECT Lines, COUNT(*) AS Receipts,
                   ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM fact_receipts), 1) AS SharePct
            FROM (SELECT ReceiptId, COUNT(*) AS Lines FROM fact_receipt_lines GROUP BY ReceiptId)
            GROUP BY Lines
            ORDER BY Lines
            """
        ),
        new(
            "tender-mix",
            "Tender mix",
            "How do shoppers pay, by count and by value?",
            """
            SELECT TenderType, COUNT(*) AS Receipts, ROUND(SUM(Total), 2) AS Revenue,
                   ROUND(100.0 * COUNT(*) / (SELECT COUNT(*) FROM fact_receipts), 1) AS SharePct
            FROM fact_receipts
            GROUP BY TenderType
            ORDER BY Receipts DESC
            """
        ),
        new(
            "in-stock-rate-by-day",
            "In-stock rate by day",
            "Of the store products that moved each day, how many ended the day with stock?",
            """
            WITH closing AS (
              SELECT substr(EventTS, 1, 10) AS Day, StoreID, ProductID, Balance,
                     ROW_NUMBER() OVER (PARTITION BY substr(EventTS, 1, 10), StoreID, ProductID
                                        ORDER BY EventTS DESC, TraceId DESC) AS Latest
              FROM fact_store_inventory_txn)
            SELECT Day, COUNT(*) AS StoreProducts, SUM(Balance > 0) AS InStock,
                   ROUND(100.0 * AVG(Balance > 0), 2) AS InStockPct
            FROM closing WHERE Latest = 1
            GROUP BY Day
            ORDER BY Day
            """
        ),
        new(
            "truck-on-time-rate",
            "Truck on-time rate",
            "How many shipments arrived by their ETA, per DC?",
            """
            SELECT dc.DCNumber, COUNT(*) AS Shipments, SUM(m.EventTS <= m.ETA) AS OnTime,
                   ROUND(100.0 * AVG(m.EventTS <= m.ETA), 1) AS OnTimePct
            FROM fact_truck_moves m JOIN dim_distribution_centers dc ON dc.ID = m.DCID
            WHERE m.Status = 'ARRIVED'
            GROUP BY dc.ID
            ORDER BY dc.DCNumber
            """
        ),
        new(
            "store-vs-online",
            "Store vs online",
            "How do store receipts and online orders compare?",
            """
            SELECT 'Store' AS Channel, COUNT(*) AS Orders, ROUND(SUM(Total), 2) AS Revenue,
                   ROUND(AVG(Total), 2) AS AverageOrder
            FROM fact_receipts
            UNION ALL
            SELECT 'Online', COUNT(*), ROUND(SUM(Total), 2), ROUND(AVG(Total), 2)
            FROM fact_online_orders
            """
        ),
        new(
            "customer-visit-frequency",
            "Customer visit frequency",
            "How often do identified customers come back?",
            """
            SELECT Visits, COUNT(*) AS Customers
            FROM (SELECT CustomerID, COUNT(*) AS Visits FROM fact_receipts
                  WHERE CustomerID IS NOT NULL GROUP BY CustomerID)
            GROUP BY Visits
            ORDER BY Visits
            """
        ),
        new(
            "campaign-conversion",
            "Campaign conversion",
            "Of the customers a campaign reached, how many bought in a store afterwards?",
            """
            WITH reached AS (
              SELECT m.CampaignId, c.ID AS CustomerID, MIN(m.EventTS) AS FirstSeen
              FROM fact_marketing m JOIN dim_customers c ON c.AdId = m.CustomerAdId
              GROUP BY m.CampaignId, c.ID),
            latest AS (
              SELECT CustomerID, MAX(EventTS) AS LastVisit FROM fact_receipts
              WHERE CustomerID IS NOT NULL GROUP BY CustomerID)
            SELECT r.CampaignId, COUNT(*) AS Reached, SUM(l.LastVisit > r.FirstSeen) AS Converted,
                   ROUND(100.0 * AVG(COALESCE(l.LastVisit > r.FirstSeen, 0)), 1) AS ConversionPct
            FROM reached r LEFT JOIN latest l ON l.CustomerID = r.CustomerID
            GROUP BY r.CampaignId
            ORDER BY ConversionPct DESC
            """
        ),
        new(
            "revenue-by-department",
            "Revenue mix by department",
            "What share of store revenue does each department bring?",
            """
            SELECT p.Department, ROUND(SUM(l.ExtPrice), 2) AS Revenue,
                   ROUND(100.0 * SUM(l.ExtPrice) / (SELECT SUM(ExtPrice) FROM fact_receipt_lines), 1) AS SharePct
            FROM fact_receipt_lines l JOIN dim_products p ON p.ID = l.ProductID
            GROUP BY p.Department
            ORDER BY Revenue DESC
            """
        ),
        new(
            "top-stores",
            "Top stores by revenue",
            "Which stores sell most, and where are they?",
            """
            SELECT s.StoreNumber, g.City || ', ' || g.State AS Place, COUNT(*) AS Receipts,
                   ROUND(SUM(r.Total), 2) AS Revenue, ROUND(AVG(r.Total), 2) AS AverageBasket
            FROM fact_receipts r
            JOIN dim_stores s ON s.ID = r.StoreID
            JOIN dim_geographies g ON g.ID = s.GeographyID
            GROUP BY s.ID
            ORDER BY Revenue DESC
            LIMIT 20
            """
        ),
        new(
            "traffic-by-hour",
            "Store traffic by hour",
            "When do shoppers come in (entrance sensors)?",
            """
            SELECT substr(EventTS, 12, 2) AS Hour, SUM(Count) AS Visitors, ROUND(AVG(Dwell), 0) AS AverageDwell
            FROM fact_foot_traffic
            WHERE Zone = 'ENTRANCE'
            GROUP BY Hour
            ORDER BY Hour
            """
        ),
        new(
            "promo-usage",
            "Promotion usage",
            "How often is each promo code used, and on how much value?",
            """
            SELECT COALESCE(NULLIF(PromoCode, ''), '(none)') AS PromoCode, COUNT(*) AS Lines,
                   ROUND(SUM(ExtPrice), 2) AS Value
            FROM fact_receipt_lines
            GROUP BY 1
            ORDER BY Lines DESC
            """
        ),
        new(
            "marketing-by-channel",
            "Marketing spend by channel",
            "What do impressions cost per channel and device?",
            """
            SELECT Channel, Device, COUNT(*) AS Impressions, ROUND(SUM(Cost), 2) AS Cost,
                   ROUND(1000.0 * SUM(Cost) / COUNT(*), 2) AS CostPerThousand
            FROM fact_marketing
            GROUP BY Channel, Device
            ORDER BY Cost DESC
            """
        ),
        new(
            "online-fulfillment-mix",
            "Online fulfillment mix",
            "How are online orders fulfilled?",
            """
            SELECT FulfillmentMode, FulfillmentNodeType, COUNT(*) AS Orders, ROUND(SUM(Total), 2) AS Revenue
            FROM fact_online_orders
            GROUP BY FulfillmentMode, FulfillmentNodeType
            ORDER BY Orders DESC
            """
        ),
        new(
            "inventory-movements",
            "Inventory movements by reason",
            "What moves store and DC stock?",
            """
            SELECT 'Store' AS Node, Reason, COUNT(*) AS Transactions, SUM(QtyDelta) AS Units
            FROM fact_store_inventory_txn GROUP BY Reason
            UNION ALL
            SELECT 'DC', Reason, COUNT(*), SUM(QtyDelta)
            FROM fact_dc_inventory_txn GROUP BY Reason
            ORDER BY Node, Transactions DESC
            """
        ),
    ];

    public static ExampleQuery? Find(string? id) => All.FirstOrDefault(q => q.Id == id);
}
