using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Insights;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class InsightsTests(SmallDataset dataset)
{
    [Fact]
    public void Aggregates_MatchDirectSql_OnTheSmallDataset()
    {
        var insights = InsightsQueries.Compute(Path.Combine(dataset.Directory, "retail.db"));
        using var db = TestRuns.Open(dataset.Directory);

        Assert.True(insights.HasFacts);
        Assert.Equal(50, insights.Places.Count);
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM dim_customers"), insights.Places.Sum(p => p.Customers));
        Assert.Equal(20, insights.Places.Sum(p => p.Stores));
        Assert.Equal(3, insights.DistributionCenters.Count);
        Assert.Equal(20, insights.Stores.Count);
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM dim_products"),
            insights.ProductsByDepartmentAndBand.Sum(b => b.Count)
        );
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM dim_products"), insights.DiscountDistribution.Sum(b => b.Count));
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM dim_products WHERE SalePrice = MSRP"),
            insights.DiscountDistribution[0].Count
        );
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM dim_customers"), insights.CustomersByRegion.Sum(r => r.Count));
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM dim_trucks WHERE DCID IS NOT NULL AND Refrigeration = 1"),
            insights.TrucksByDc.Sum(t => t.Refrigerated)
        );
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM dim_trucks WHERE DCID IS NOT NULL AND Refrigeration = 0"),
            insights.TrucksByDc.Sum(t => t.Dry)
        );

        Assert.Equal(14, insights.SalesByDay.Count);
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM fact_receipts"), insights.SalesByDay.Sum(d => d.Receipts));
        Assert.Equal(
            Money(db, "SELECT SUM(Subtotal) FROM fact_receipts"),
            Math.Round(insights.SalesByDay.Sum(d => d.Sales), 0)
        );
        Assert.Equal("New Year's Day", insights.SalesByDay[0].Holiday);
        Assert.Equal(14, insights.SalesByHour.Count);
        Assert.Equal(
            Money(db, "SELECT SUM(ExtPrice) FROM fact_receipt_lines"),
            Math.Round(insights.SalesByDepartment.Sum(d => d.Value), 0)
        );
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE TenderType = 'CASH'"),
            insights.TenderMix.Single(t => t.Label == "CASH").Count
        );
        Assert.Equal(10, insights.TopStores.Count);
        Assert.Equal(
            Money(db, "SELECT MAX(s) FROM (SELECT SUM(Subtotal) AS s FROM fact_receipts GROUP BY StoreID)"),
            Math.Round(insights.TopStores[0].Value, 0)
        );
        Assert.Equal(10, insights.TopProducts.Count);
        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM fact_store_inventory_txn WHERE Balance = 0 AND QtyDelta < 0"),
            insights.StockoutsByDay.Sum(d => d.Count)
        );
    }

    [Fact]
    public void Verifier_PassesOnTheRunAsWritten_AndCatchesAChangedRow()
    {
        var clean = RunVerifier.Verify(dataset.Directory, dataset.Manifest, samplePerTable: 50);
        Assert.All(clean, v => Assert.True(v.Passed, $"{v.Table}: {v.Mismatched} mismatched, hash {v.HashMatches}"));
        Assert.Contains(clean, v => v.Table == "dim_customers" && v.Sampled == 50);
        Assert.Contains(clean, v => v.Table == "fact_truck_moves" && v.HashMatches == true);

        using var temp = new TempDirectory();
        File.Copy(Path.Combine(dataset.Directory, "retail.db"), temp.Combine("retail.db"));
        using (var db = new SqliteConnection($"Data Source={temp.Combine("retail.db")};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "UPDATE dim_products SET MSRP = MSRP + 1 WHERE ID = 1";
            command.ExecuteNonQuery();
        }

        var tampered = RunVerifier.Verify(temp.Path, dataset.Manifest, samplePerTable: 1000);
        var products = tampered.Single(v => v.Table == "dim_products");
        Assert.Equal(1, products.Mismatched);
        Assert.False(products.HashMatches);
        Assert.False(products.Passed);
    }

    private static double Money(SqliteConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Math.Round(
            Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture),
            0
        );
    }
}
