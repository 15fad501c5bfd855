using System.Globalization;
using System.Text.RegularExpressions;
using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class MasterDataRulesTests(SmallDataset dataset)
{
    private static readonly DateOnly Start = SmallDataset.Options.StartDate;

    [Fact]
    public void Products_Pricing_HoldsOnEveryProduct_ZeroBelowCostBelowSaleAtMostMsrp_InCents()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows("SELECT Cost, MSRP, SalePrice FROM dim_products");

        Assert.Equal(SmallDataset.Options.Products, rows.Count);
        foreach (var row in rows)
        {
            var (cost, msrp, sale) = ((double)row[0]!, (double)row[1]!, (double)row[2]!);
            Assert.True(cost > 0 && cost < sale && sale <= msrp, $"cost {cost}, sale {sale}, msrp {msrp}");
            foreach (var money in new[] { cost, msrp, sale })
            {
                Assert.Equal(Math.Round(money, 2), money);
            }
        }

        var onSale = rows.Count(r => (double)r[2]! < (double)r[1]!);
        Assert.InRange(onSale / (double)rows.Count, 0.33, 0.47);
    }

    [Fact]
    public void Products_MostlyLaunchBeforeTheStart_TheRestDuringTheWindow()
    {
        var o = SmallDataset.Options;
        using var db = TestRuns.Open(dataset.Directory);
        var offsets = db.Rows("SELECT LaunchDate FROM dim_products")
            .Select(r =>
                DateOnly.ParseExact((string)r[0]!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber
                - Start.DayNumber
            )
            .ToList();

        Assert.All(offsets, d => Assert.InRange(d, -730, o.Days - 1));
        var byStart = offsets.Count(d => d <= 0) / (double)offsets.Count;
        var during = offsets.Count(d => d > 0) / (double)offsets.Count;
        Assert.DoesNotContain(offsets, d => d is > -180 and < 0);
        Assert.InRange(byStart, 0.85, 0.93);
        Assert.InRange(during, 0.07, 0.15);
    }

    [Fact]
    public void Products_AreBalancedAcrossDepartments_AndBrandNamePairsAreUnique()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var total = db.Scalar("SELECT COUNT(*) FROM dim_products");
        var departments = db.Rows("SELECT Department, COUNT(*) FROM dim_products GROUP BY Department");

        Assert.True(departments.Count >= 10);
        Assert.All(departments, d => Assert.True((long)d[1]! <= 0.4 * total, $"{d[0]} holds {d[1]} of {total}"));
        Assert.Equal(total, db.Scalar("SELECT COUNT(*) FROM (SELECT DISTINCT ProductName, Brand FROM dim_products)"));
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM dim_products WHERE RequiresRefrigeration = 1 AND Department IN ('Electronics', "
                    + "'Clothing', 'Toys')"
            )
        );
        Assert.True(
            db.Scalar("SELECT COUNT(*) FROM dim_products WHERE RequiresRefrigeration = 1 AND Department = 'Dairy'") > 0
        );
    }

    [Fact]
    public void Snapshots_LevelsStayInTheirRanges_AndLaunchedStockSitsAboveTheReorderPoint()
    {
        var o = SmallDataset.Options;
        using var db = TestRuns.Open(dataset.Directory);
        var dcs = db.Rows(
            "SELECT CurrentQuantity, ReorderPoint, OrderUpTo, LastUpdated FROM fact_dc_inventory_snapshots"
        );
        var stores = db.Rows(
            """
            SELECT s.CurrentQuantity, s.ReorderPoint, s.OrderUpTo, s.LastUpdated, p.LaunchDate <= '2024-01-01'
            FROM fact_store_inventory_snapshots s JOIN dim_products p ON p.ID = s.ProductID
            """
        );

        Assert.Equal(o.DistributionCenters * o.Products, dcs.Count);
        Assert.All(
            dcs,
            r =>
            {
                var (qty, reorder, upTo) = ((long)r[0]!, (long)r[1]!, (long)r[2]!);
                Assert.InRange(reorder, o.DcReorderPointMin, o.DcReorderPointMax);
                Assert.InRange(upTo, Math.Max(reorder + 1, o.DcInventoryMin), Math.Max(reorder + 1, o.DcInventoryMax));
                Assert.InRange(qty, reorder + 1, upTo);
                Assert.Equal("2024-01-01T00:00:00", r[3]);
            }
        );
        Assert.All(
            stores,
            r =>
            {
                var (qty, reorder, upTo, launched) = ((long)r[0]!, (long)r[1]!, (long)r[2]!, (long)r[4]! == 1);
                Assert.InRange(reorder, o.StoreReorderPointMin, o.StoreReorderPointMax);
                Assert.InRange(
                    upTo,
                    Math.Max(reorder + 1, o.StoreInventoryMin),
                    Math.Max(reorder + 1, o.StoreInventoryMax)
                );
                Assert.InRange(qty, launched ? reorder + 1 : 0, launched ? upTo : 0);
                Assert.Equal("2024-01-01T00:00:00", r[3]);
            }
        );
    }

    [Fact]
    public void Snapshots_ReorderPointsFollowDemand_BusyProductsAndStoresHoldMore()
    {
        using var db = TestRuns.Open(dataset.Directory);

        // The ten best-selling products of the run have reorder points well above the ten slowest launched ones.
        var busy = db.Scalar(
            """
            SELECT CAST(AVG(s.ReorderPoint) AS INTEGER) FROM fact_store_inventory_snapshots s
            WHERE s.ProductID IN (SELECT ProductID FROM fact_receipt_lines GROUP BY ProductID ORDER BY SUM(Qty) DESC
            LIMIT 10)
            """
        );
        var slow = db.Scalar(
            """
            SELECT CAST(AVG(s.ReorderPoint) AS INTEGER) FROM fact_store_inventory_snapshots s
            WHERE s.ProductID IN (SELECT l.ProductID FROM fact_receipt_lines l GROUP BY l.ProductID ORDER BY SUM(l.Qty)
            LIMIT 10)
            """
        );
        Assert.True(busy > 4 * Math.Max(1, slow), $"busy products' reorder point {busy} vs slow {slow}");
    }

    [Fact]
    public void Geographies_AreDistinctRealPlaces_FromTheDictionary()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows("SELECT City, State, ZipCode, Region, Latitude, Longitude FROM dim_geographies");
        var dictionary = ReferenceData.Instance.Geographies.ToDictionary(g => (g.City, g.State));

        Assert.Equal(rows.Count, rows.Select(r => ((string)r[0]!, (string)r[1]!)).Distinct().Count());
        Assert.All(
            rows,
            r =>
            {
                var entry = dictionary[((string)r[0]!, (string)r[1]!)];
                Assert.Equal(entry.ZipCode, r[2]);
                Assert.Matches("^[0-9]{5}$", (string)r[2]!);
                Assert.Contains((string)r[3]!, new[] { "Northeast", "Southeast", "Midwest", "Southwest", "West" });
            }
        );
    }

    [Fact]
    public void DistributionCenters_SitInDistinctStates_AndStoresAreServedByTheirNearestDc()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var dcs = db.Rows(
            "SELECT d.ID, d.DCNumber, g.State, g.Latitude, g.Longitude, d.Address, g.City FROM "
                + "dim_distribution_centers d JOIN dim_geographies g ON g.ID = d.GeographyID"
        );
        var stores = db.Rows(
            "SELECT s.DCID, g.Latitude, g.Longitude, s.StoreNumber, s.Address, g.City FROM dim_stores s JOIN "
                + "dim_geographies g ON g.ID = s.GeographyID"
        );

        Assert.Equal(dcs.Count, dcs.Select(d => d[2]).Distinct().Count());
        Assert.All(dcs, d => Assert.Matches("^DC[0-9]{3}$", (string)d[1]!));
        Assert.All(
            dcs,
            d =>
                Assert.Matches(
                    $@"^[0-9]+ .+ [A-Za-z]+, {Regex.Escape((string)d[6]!)}, [A-Z]{{2}} [0-9]{{5}}$",
                    (string)d[5]!
                )
        );
        Assert.All(
            stores,
            s =>
            {
                Assert.Matches("^S[0-9]{6}$", (string)s[3]!);
                Assert.EndsWith($", {s[5]}, ", ((string)s[4]!)[..^8], StringComparison.Ordinal);
                var nearest = dcs.MinBy(d => Haversine((double)s[1]!, (double)s[2]!, (double)d[3]!, (double)d[4]!))!;
                Assert.Equal((long)nearest[0]!, (long)s[0]!);
            }
        );
    }

    [Fact]
    public void Trucks_DcFleetIsSpreadEvenly_WithARefrigeratedTruckPerDc_ThenSupplierTrucksWithoutDc()
    {
        var o = SmallDataset.Options;
        using var db = TestRuns.Open(dataset.Directory);
        var trucks = db.Rows("SELECT ID, LicensePlate, Refrigeration, DCID FROM dim_trucks ORDER BY ID");
        var fleet = trucks.Where(t => t[3] is not null).ToList();
        var perDc = fleet.GroupBy(t => (long)t[3]!).ToDictionary(g => g.Key, g => g.ToList());

        Assert.Equal(o.RefrigeratedTrucks + o.NonRefrigeratedTrucks, fleet.Count);
        Assert.Equal(o.DistributionCenters, perDc.Count);
        Assert.True(perDc.Values.Max(v => v.Count) - perDc.Values.Min(v => v.Count) <= 1);
        Assert.All(perDc.Values, v => Assert.Contains(v, t => (long)t[2]! == 1));
        var suppliers = trucks.Where(t => t[3] is null).ToList();
        Assert.Equal(o.SupplierRefrigeratedTrucks + o.SupplierNonRefrigeratedTrucks, suppliers.Count);
        Assert.Equal(o.SupplierRefrigeratedTrucks, suppliers.Count(t => (long)t[2]! == 1));
        Assert.All(trucks, t => Assert.Matches("^[A-Z]{3}[0-9]{4}$", (string)t[1]!));
    }

    [Fact]
    public void Customers_IdentifiersAndPhones_FollowTheContractFormats()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows("SELECT FirstName, LastName, Address, LoyaltyCard, Phone, BLEId, AdId FROM dim_customers");

        Assert.All(
            rows,
            r =>
            {
                Assert.False(string.IsNullOrWhiteSpace((string)r[0]!));
                Assert.False(string.IsNullOrWhiteSpace((string)r[1]!));
                Assert.Matches("^[0-9]+ .+, .+, [A-Z]{2} [0-9]{5}$", (string)r[2]!);
                Assert.Matches("^LC[0-9]{9}$", (string)r[3]!);
                Assert.Matches(@"^\([2-9][0-9]{2}\) 555-01[0-9]{2}$", (string)r[4]!);
                Assert.Matches("^BLE[0-9A-Z]{6}$", (string)r[5]!);
                Assert.Matches("^AD[0-9A-Z]{6}$", (string)r[6]!);
            }
        );
        Assert.True(rows.Select(r => r[0]).Distinct().Count() > 200, "first names should vary");
        Assert.True(rows.Select(r => r[1]).Distinct().Count() > 200, "last names should vary");
    }

    [Fact]
    public void Customers_AreSpreadOverGeographiesByPopulation()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var counts = db.Rows(
                "SELECT g.City, g.State, COUNT(c.ID) FROM dim_geographies g LEFT JOIN dim_customers c ON "
                    + "c.GeographyID = g.ID GROUP BY g.ID"
            )
            .Select(r =>
                (
                    Population: ReferenceData
                        .Instance.Geographies.Single(e => e.City == (string)r[0]! && e.State == (string)r[1]!)
                        .Population,
                    Customers: (long)r[2]!
                )
            )
            .OrderBy(x => x.Population)
            .ToList();
        var smallHalf = counts.Take(counts.Count / 2).Sum(x => x.Customers);
        var largeHalf = counts.Skip(counts.Count / 2).Sum(x => x.Customers);

        Assert.True(
            largeHalf > 2 * smallHalf,
            $"larger places should hold more customers ({largeHalf} vs {smallHalf})"
        );
    }

    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a =
            Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2)
            + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2));
        return 2 * 6371 * Math.Asin(Math.Sqrt(a));
    }
}
