using RetailDatagen.Core.Dictionaries;

namespace RetailDatagen.Tests.Core;

public sealed class PeopleDictionaryTests
{
    private static readonly HashSet<string> TollFree = ["800", "888", "877", "866", "855", "844", "833"];

    [Fact]
    public void EveryPlace_HasRealAreaCodes_NeverTollFreeOr555()
    {
        Assert.All(
            ReferenceData.Instance.Geographies,
            g =>
            {
                Assert.NotEmpty(g.AreaCodes);
                Assert.All(
                    g.AreaCodes,
                    code =>
                    {
                        Assert.Matches("^[2-9][0-9]{2}$", code);
                        Assert.DoesNotContain(code, TollFree);
                        Assert.NotEqual("555", code);
                    }
                );
            }
        );
        var places = ReferenceData.Instance.Geographies.ToDictionary(g => (g.City, g.State));
        Assert.Contains("212", places[("New York", "NY")].AreaCodes);
        Assert.Contains("312", places[("Chicago", "IL")].AreaCodes);
        Assert.Contains("713", places[("Houston", "TX")].AreaCodes);
    }

    [Fact]
    public void LargePlaces_HaveSeveralRealZips_NearThePlace_IncludingTheirOwn()
    {
        var places = ReferenceData.Instance.Geographies;
        var largest = places.OrderByDescending(g => g.Population).Take(5).ToList();
        var large = places.Where(g => g.Population >= 100_000).ToList();

        Assert.All(
            largest,
            g => Assert.True(g.Zips.Select(z => z.ZipCode).Distinct().Count() >= 5, $"{g.City} has {g.Zips.Count} ZIPs")
        );
        Assert.True(
            large.Count(g => g.Zips.Count >= 3) >= 0.85 * large.Count,
            "most places of 100k+ people should have several ZIPs"
        );
        Assert.All(
            places,
            g =>
            {
                Assert.Contains(g.ZipCode, g.Zips.Select(z => z.ZipCode));
                Assert.All(
                    g.Zips,
                    z =>
                    {
                        Assert.Matches("^[0-9]{5}$", z.ZipCode);
                        Assert.True(
                            Geo(g.Latitude, g.Longitude, z.Latitude, z.Longitude) <= 45,
                            $"{g.City} ZIP {z.ZipCode} is far from the place"
                        );
                    }
                );
            }
        );
        // A ZIP may straddle a city and its suburb (USPS names it after one of them), but never repeats in a place.
        Assert.All(places, g => Assert.Equal(g.Zips.Count, g.Zips.Select(z => z.ZipCode).Distinct().Count()));
    }

    [Fact]
    public void Names_CarryUsFrequencies_SmithFirst_FirstNamesForEveryDecadeAndSex()
    {
        var data = ReferenceData.Instance;

        Assert.Equal("Smith", data.Surnames[0].Name);
        Assert.InRange(data.Surnames[0].Per100K, 800, 850);
        Assert.True(data.Surnames.Count >= 1_000);
        Assert.Equal(data.Surnames.Count, data.Surnames.Select(s => s.Name).Distinct().Count());
        Assert.Contains(data.Surnames, s => s.Name == "O'Brien");
        Assert.Contains(data.Surnames, s => s.Name == "McDonald");
        for (var decade = 1920; decade <= 2020; decade += 10)
        {
            foreach (var sex in new[] { 'F', 'M' })
            {
                Assert.True(data.FirstNames.Count(f => f.Decade == decade && f.Sex == sex) >= 100, $"{decade} {sex}");
            }
        }

        Assert.Equal("Main", data.Streets.MaxBy(s => s.Segments)!.Name);
        Assert.Contains(data.Streets, s => s.Name == "2nd");
    }

    private static double Geo(double lat1, double lon1, double lat2, double lon2) =>
        TestSupport.Geo.Miles(lat1, lon1, lat2, lon2) * 1.609344;
}
