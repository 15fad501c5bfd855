using System.Globalization;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Insights;

/// <summary>SQL aggregates over a finished <c>retail.db</c> (read-only). Fixed SQL only: nothing user-typed reaches
/// it.</summary>
public static class InsightsQueries
{
    public static DatasetInsights Compute(string databasePath)
    {
        using var db = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = databasePath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            }.ToString()
        );
        db.Open();
        var hasFacts = Scalar(db, "SELECT COUNT(*) FROM fact_receipts LIMIT 1") > 0;
        var insights = new DatasetInsights
        {
            Places = Read(
                db,
                """
                SELECT g.ID, g.City, g.State, g.Latitude, g.Longitude,
                       (SELECT COUNT(*) FROM dim_customers c WHERE c.GeographyID = g.ID),
                       (SELECT COUNT(*) FROM dim_stores s WHERE s.GeographyID = g.ID)
                FROM dim_geographies g ORDER BY g.ID
                """,
                r => new MapPlace(
                    r.GetInt32(0),
                    r.GetString(1),
                    r.GetString(2),
                    r.GetDouble(3),
                    r.GetDouble(4),
                    r.GetInt64(5),
                    r.GetInt32(6)
                )
            ),
            DistributionCenters = Read(
                db,
                "SELECT d.ID, d.DCNumber, g.City, g.State, g.Latitude, g.Longitude FROM dim_distribution_centers d "
                    + "JOIN dim_geographies g ON g.ID = d.GeographyID ORDER BY d.ID",
                r => new MapDc(
                    r.GetInt32(0),
                    r.GetString(1),
                    r.GetString(2),
                    r.GetString(3),
                    r.GetDouble(4),
                    r.GetDouble(5)
                )
            ),
            Stores = Read(
                db,
                "SELECT s.ID, s.StoreNumber, g.City, g.State, g.Latitude, g.Longitude, s.DCID FROM dim_stores s JOIN "
                    + "dim_geographies g ON g.ID = s.GeographyID ORDER BY s.ID",
                r => new MapStore(
                    r.GetInt32(0),
                    r.GetString(1),
                    r.GetString(2),
                    r.GetString(3),
                    r.GetDouble(4),
                    r.GetDouble(5),
                    r.GetInt32(6)
                )
            ),
            ProductsByDepartmentAndBand = Read(
                db,
                """
                SELECT Department, CASE WHEN SalePrice < 5 THEN 0 WHEN SalePrice < 20 THEN 1 WHEN SalePrice < 100 THEN 2
                WHEN SalePrice < 500 THEN 3 ELSE 4 END AS Band, COUNT(*)
                FROM dim_products GROUP BY Department, Band ORDER BY Department, Band
                """,
                r => new DepartmentBand(r.GetString(0), DatasetInsights.PriceBands[r.GetInt32(1)], r.GetInt64(2))
            ),
            DiscountDistribution = Bands(
                Read(
                    db,
                    """
                    SELECT CASE WHEN SalePrice >= MSRP THEN 0 WHEN (MSRP - SalePrice) / MSRP < 0.10 THEN 1 WHEN (MSRP -
                    SalePrice) / MSRP < 0.20 THEN 2
                                WHEN (MSRP - SalePrice) / MSRP < 0.30 THEN 3 ELSE 4 END AS Band, COUNT(*)
                    FROM dim_products GROUP BY Band
                    """,
                    r => (r.GetInt32(0), r.GetInt64(1))
                )
            ),
            CustomersByRegion = Read(
                db,
                "SELECT g.Region, COUNT(*) FROM dim_customers c JOIN dim_geographies g ON g.ID = c.GeographyID GROUP "
                    + "BY g.Region ORDER BY g.Region",
                r => new LabeledCount(r.GetString(0), r.GetInt64(1))
            ),
            TrucksByDc = Read(
                db,
                """
                SELECT d.DCNumber, SUM(t.Refrigeration = 1), SUM(t.Refrigeration = 0)
                FROM dim_distribution_centers d LEFT JOIN dim_trucks t ON t.DCID = d.ID GROUP BY d.ID ORDER BY d.ID
                """,
                r => new TruckFleet(
                    r.GetString(0),
                    r.IsDBNull(1) ? 0 : r.GetInt64(1),
                    r.IsDBNull(2) ? 0 : r.GetInt64(2)
                )
            ),
            HasFacts = hasFacts,
        };

        if (!hasFacts)
        {
            return insights;
        }

        return insights with
        {
            SalesByDay = Read(
                db,
                "SELECT substr(EventTS, 1, 10) AS Day, ROUND(SUM(Subtotal), 2), COUNT(*) FROM fact_receipts GROUP BY "
                    + "Day ORDER BY Day",
                r =>
                {
                    var day = r.GetString(0);
                    var holiday = RetailCalendar
                        .HolidayOn(DateOnly.ParseExact(day, TextFormats.Date, CultureInfo.InvariantCulture))
                        ?.Name;
                    return new DaySales(day, r.GetDouble(1), r.GetInt64(2), holiday);
                }
            ),
            SalesByHour = Read(
                db,
                "SELECT substr(EventTS, 12, 2) AS Hour, ROUND(SUM(Subtotal), 2) FROM fact_receipts GROUP BY Hour "
                    + "ORDER BY Hour",
                r => new LabeledValue(r.GetString(0) + ":00", r.GetDouble(1))
            ),
            SalesByDepartment = Read(
                db,
                "SELECT p.Department, ROUND(SUM(l.ExtPrice), 2) AS Sales FROM fact_receipt_lines l JOIN dim_products "
                    + "p ON p.ID = l.ProductID GROUP BY p.Department ORDER BY Sales DESC",
                r => new LabeledValue(r.GetString(0), r.GetDouble(1))
            ),
            TenderMix = Read(
                db,
                "SELECT TenderType, COUNT(*) FROM fact_receipts GROUP BY TenderType ORDER BY COUNT(*) DESC",
                r => new LabeledCount(r.GetString(0), r.GetInt64(1))
            ),
            TopStores = Read(
                db,
                "SELECT s.StoreNumber || ' ' || g.City, ROUND(SUM(r.Subtotal), 2) AS Sales FROM fact_receipts r JOIN "
                    + "dim_stores s ON s.ID = r.StoreID JOIN dim_geographies g ON g.ID = s.GeographyID GROUP BY "
                    + "r.StoreID ORDER BY Sales DESC LIMIT 10",
                r => new LabeledValue(r.GetString(0), r.GetDouble(1))
            ),
            TopProducts = Read(
                db,
                "SELECT p.Brand || ' ' || p.ProductName, ROUND(SUM(l.ExtPrice), 2) AS Sales FROM fact_receipt_lines "
                    + "l JOIN dim_products p ON p.ID = l.ProductID GROUP BY l.ProductID ORDER BY Sales DESC LIMIT 10",
                r => new LabeledValue(r.GetString(0), r.GetDouble(1))
            ),
            ActiveCustomers = Scalar(
                db,
                "SELECT COUNT(DISTINCT CustomerID) FROM fact_receipts WHERE CustomerID IS NOT NULL"
            ),
            StockoutsByDay = Read(
                db,
                "SELECT substr(EventTS, 1, 10) AS Day, COUNT(*) FROM fact_store_inventory_txn WHERE Balance = 0 AND "
                    + "QtyDelta < 0 GROUP BY Day ORDER BY Day",
                r => new DayCount(r.GetString(0), r.GetInt64(1))
            ),
        };
    }

    private static List<LabeledCount> Bands(List<(int Band, long Count)> rows) =>
        [
            .. DatasetInsights.DiscountBands.Select(
                (label, i) => new LabeledCount(label, rows.Where(r => r.Band == i).Sum(r => r.Count))
            ),
        ];

    private static long Scalar(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static List<T> Read<T>(SqliteConnection db, string sql, Func<SqliteDataReader, T> map)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
