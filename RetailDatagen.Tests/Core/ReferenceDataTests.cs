using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Tests.Core;

public sealed class ReferenceDataTests
{
    private static readonly string[] StatesAndDc =
    [
        "AL",
        "AK",
        "AZ",
        "AR",
        "CA",
        "CO",
        "CT",
        "DE",
        "DC",
        "FL",
        "GA",
        "HI",
        "ID",
        "IL",
        "IN",
        "IA",
        "KS",
        "KY",
        "LA",
        "ME",
        "MD",
        "MA",
        "MI",
        "MN",
        "MS",
        "MO",
        "MT",
        "NE",
        "NV",
        "NH",
        "NJ",
        "NM",
        "NY",
        "NC",
        "ND",
        "OH",
        "OK",
        "OR",
        "PA",
        "RI",
        "SC",
        "SD",
        "TN",
        "TX",
        "UT",
        "VT",
        "VA",
        "WA",
        "WV",
        "WI",
        "WY",
    ];

    [Fact]
    public void Geographies_CoverEveryStateAndDc_WithUniqueFiveDigitZipsAndCoordinates()
    {
        var places = ReferenceData.Instance.Geographies;

        Assert.True(places.Count >= 500, $"{places.Count} places");
        Assert.Equal(StatesAndDc.Order(), places.Select(p => p.State).Distinct().Order());
        Assert.All(places, p => Assert.Matches("^[0-9]{5}$", p.ZipCode));
        Assert.Equal(places.Count, places.Select(p => p.ZipCode).Distinct().Count());
        Assert.Equal(places.Count, places.Select(p => (p.City, p.State)).Distinct().Count());
        Assert.All(
            places,
            p =>
            {
                Assert.InRange(p.Latitude, 18, 72);
                Assert.InRange(p.Longitude, -180, -65);
                Assert.True(p.Population > 0);
                Assert.False(string.IsNullOrWhiteSpace(p.District));
            }
        );
        Assert.Equal(
            ["Midwest", "Northeast", "Southeast", "Southwest", "West"],
            places.Select(p => p.Region).Distinct().Order()
        );
        Assert.Contains(places, p => p.ZipCode.StartsWith('0'));
    }

    [Fact]
    public void Catalog_HasEnoughBaseProductsAndDepartments_WithBrandsForEach_AndRoomForTheStandardPreset()
    {
        var data = ReferenceData.Instance;

        Assert.True(data.Products.Count >= 600, $"{data.Products.Count} base products");
        Assert.True(data.Departments.Count >= 10);
        Assert.All(data.Departments, d => Assert.NotEmpty(data.BrandsByDepartment[d]));
        Assert.All(data.Departments, d => Assert.True(data.ProductsByDepartment[d].Count <= 0.4 * data.Products.Count));
        Assert.Equal(data.Brands.Count, data.Brands.Select(b => b.Brand).Distinct().Count());
        Assert.All(data.Products, p => Assert.True(p.BasePrice > 0));
        Assert.True(data.ProductCapacity >= Presets.Standard.Products);
        Assert.Contains(data.Products, p => p.RequiresRefrigeration);
    }
}
