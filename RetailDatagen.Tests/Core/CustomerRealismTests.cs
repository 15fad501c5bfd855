using System.Text.RegularExpressions;
using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>DATA-CONTRACT §4 (trade areas, names and contact) measured on the small preset's customers.</summary>
public sealed partial class CustomerRealismTests(SmallDataset dataset)
{
    private static readonly HashSet<string> TollFree = ["800", "888", "877", "866", "855", "844", "833"];

    [Fact]
    public void Surnames_FollowUsFrequencies_MostCommonAboutOnePercent_TopTenAtLeastFourPercent()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var counts = db.Rows("SELECT LastName, COUNT(*) FROM dim_customers GROUP BY LastName ORDER BY 2 DESC")
            .Select(r => (Name: (string)r[0]!, Count: (long)r[1]!))
            .ToList();
        var total = counts.Sum(c => c.Count);
        var known = ReferenceData.Instance.Surnames.Select(s => s.Name).ToHashSet();

        Assert.Equal(SmallDataset.Options.Customers, total);
        Assert.InRange(counts[0].Count / (double)total, 0.005, 0.015);
        Assert.Equal("Smith", counts[0].Name);
        Assert.True(
            counts.Take(10).Sum(c => c.Count) >= 0.04 * total,
            $"top ten hold {counts.Take(10).Sum(c => c.Count)} of {total}"
        );
        Assert.All(counts, c => Assert.Contains(c.Name, known));
    }

    [Fact]
    public void Phones_UseARealAreaCodeOfTheCustomersPlace_AndTheFictionalBlock()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows(
            "SELECT c.Phone, g.City, g.State FROM dim_customers c JOIN dim_geographies g ON g.ID = c.GeographyID"
        );
        var places = ReferenceData.Instance.Geographies.ToDictionary(g => (g.City, g.State));

        Assert.Equal(SmallDataset.Options.Customers, rows.Count);
        Assert.All(
            rows,
            r =>
            {
                var phone = (string)r[0]!;
                Assert.Matches(@"^\(\d{3}\) 555-01\d\d$", phone);
                var area = phone[1..4];
                Assert.DoesNotContain(area, TollFree);
                Assert.NotEqual("555", area);
                Assert.Contains(area, places[((string)r[1]!, (string)r[2]!)].AreaCodes);
            }
        );
        Assert.True(
            rows.Select(r => ((string)r[0]!)[1..4]).Distinct().Count() >= 10,
            "area codes should vary with the places"
        );
    }

    [Fact]
    public void Homes_AreRealZipsOfThePlace_WithinFiftyMilesOfTheHomeStore_AndTheAddressesUseThem()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var rows = db.Rows(
            "SELECT c.ZipCode, c.Latitude, c.Longitude, c.Address, g.City, g.State, sg.Latitude, sg.Longitude "
                + "FROM dim_customers c JOIN dim_geographies g ON g.ID = c.GeographyID "
                + "JOIN dim_stores s ON s.ID = c.HomeStoreID JOIN dim_geographies sg ON sg.ID = s.GeographyID"
        );
        var places = ReferenceData.Instance.Geographies.ToDictionary(g => (g.City, g.State));

        Assert.Equal(SmallDataset.Options.Customers, rows.Count);
        Assert.All(
            rows,
            r =>
            {
                var zip = (string)r[0]!;
                var place = places[((string)r[4]!, (string)r[5]!)];
                Assert.Contains(zip, place.Zips.Select(z => z.ZipCode));
                Assert.EndsWith($", {place.City}, {place.State} {zip}", (string)r[3]!);
                var miles = Geo.Miles((double)r[1]!, (double)r[2]!, (double)r[6]!, (double)r[7]!);
                Assert.True(miles <= 50, $"home {r[1]},{r[2]} is {miles:F1} miles from its home store");
            }
        );
    }

    [Fact]
    public void Every_Home_HasAStoreWithinFiftyMiles_AndCustomersLiveOnlyInReachablePlaces()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var stores = db.Rows(
                "SELECT g.Latitude, g.Longitude FROM dim_stores s JOIN dim_geographies g ON g.ID = s.GeographyID"
            )
            .Select(r => ((double)r[0]!, (double)r[1]!))
            .Distinct()
            .ToList();
        var homes = db.Rows("SELECT Latitude, Longitude FROM dim_customers")
            .Select(r => ((double)r[0]!, (double)r[1]!))
            .ToList();

        var nearest = homes
            .Select(h => stores.Min(s => Geo.Miles(h.Item1, h.Item2, s.Item1, s.Item2)))
            .Order()
            .ToList();
        Assert.True(nearest[^1] <= 50, $"farthest home is {nearest[^1]:F1} miles from a store");
        // Homes spread around their places rather than sitting on one point per city.
        Assert.True(homes.Distinct().Count() > 0.9 * homes.Count);
    }

    [Fact]
    public void Streets_AreCommonUsStreetNames_WithMainAmongTheMostFrequent()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var streets = db.Rows("SELECT Address FROM dim_customers")
            .Select(r => AddressPattern().Match((string)r[0]!))
            .Select(m =>
            {
                Assert.True(m.Success);
                return m.Groups["street"].Value;
            })
            .ToList();
        var known = ReferenceData.Instance.Streets.Select(s => s.Name).ToHashSet();

        Assert.All(streets, s => Assert.Contains(s, known));
        var top = streets.GroupBy(s => s).OrderByDescending(g => g.Count()).Take(5).Select(g => g.Key).ToList();
        Assert.Contains("Main", top);
    }

    [Fact]
    public void BirthYears_AreAdults_AndFirstNamesFitTheBirthDecade()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var start = SmallDataset.Options.StartDate.Year;
        var rows = db.Rows("SELECT FirstName, BirthYear FROM dim_customers")
            .Select(r => (Name: (string)r[0]!, Year: (int)(long)r[1]!))
            .ToList();
        double MeanYear(params string[] names) => rows.Where(r => names.Contains(r.Name)).Average(r => r.Year);

        Assert.All(rows, r => Assert.InRange(start - r.Year, 18, 94));
        Assert.InRange(rows.Average(r => start - r.Year), 42, 52);
        Assert.True(
            MeanYear("Ashley", "Jessica", "Brittany", "Tyler", "Brandon")
                > MeanYear("Linda", "Barbara", "Patricia", "Larry", "Gary") + 20,
            "names popular in the 1980s–90s should belong to younger customers than names of the 1940s–50s"
        );
    }

    [GeneratedRegex(@"^\d+ (?<street>.+) (St|Ave|Dr|Ln|Ct|Way|Pl|Rd|Cir|Ter|Blvd)( Apt \d+)?, ")]
    private static partial Regex AddressPattern();
}
