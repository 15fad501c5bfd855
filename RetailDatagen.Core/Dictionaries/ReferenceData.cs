using System.Globalization;
using CsvHelper;

namespace RetailDatagen.Core.Dictionaries;

/// <summary>A US place from the shipped geography dictionary.</summary>
public sealed record GeographyEntry(
    string City, string State, string ZipCode, string District, string Region, double Latitude, double Longitude, long Population);

/// <summary>A base product from the shipped catalog (brand-free).</summary>
public sealed record CatalogProduct(
    int Index, string Department, string Category, string Subcategory, string Name, double BasePrice, bool RequiresRefrigeration);

/// <summary>A synthetic brand, the department it sells in and its synthetic parent company.</summary>
public sealed record BrandEntry(string Department, string Brand, string Company);

/// <summary>The dictionaries embedded in the assembly, loaded once per process.</summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> Lazy = new(Load);

    private ReferenceData(IReadOnlyList<GeographyEntry> geographies, IReadOnlyList<CatalogProduct> products, IReadOnlyList<BrandEntry> brands)
    {
        Geographies = geographies;
        Products = products;
        Brands = brands;
        Departments = [.. products.Select(p => p.Department).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ProductsByDepartment = Departments.ToDictionary(d => d, d => (IReadOnlyList<CatalogProduct>)[.. products.Where(p => p.Department == d)], StringComparer.Ordinal);
        BrandsByDepartment = Departments.ToDictionary(d => d, d => (IReadOnlyList<BrandEntry>)[.. brands.Where(b => b.Department == d)], StringComparer.Ordinal);
        HouseBrands = [.. brands.Where(b => b.Department == HouseBrandDepartment)];
        ProductCapacity = Departments.Sum(d => ProductsByDepartment[d].Count * BrandsByDepartment[d].Count);
    }

    /// <summary>The Department value of house (private-label) brands: they may sell in every food department.</summary>
    public const string HouseBrandDepartment = "House";

    public static ReferenceData Instance => Lazy.Value;

    public IReadOnlyList<GeographyEntry> Geographies { get; }
    public IReadOnlyList<CatalogProduct> Products { get; }
    public IReadOnlyList<BrandEntry> Brands { get; }
    public IReadOnlyList<string> Departments { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<CatalogProduct>> ProductsByDepartment { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<BrandEntry>> BrandsByDepartment { get; }

    /// <summary>House brands, which span the food departments (DATA-CONTRACT §4).</summary>
    public IReadOnlyList<BrandEntry> HouseBrands { get; }

    /// <summary>How many distinct (product, brand) pairs the catalog can produce.</summary>
    public int ProductCapacity { get; }

    private static ReferenceData Load()
    {
        var geographies = ReadCsv("geographies.csv", r => new GeographyEntry(
            r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            double.Parse(r.GetString(5), CultureInfo.InvariantCulture),
            double.Parse(r.GetString(6), CultureInfo.InvariantCulture),
            long.Parse(r.GetString(7), CultureInfo.InvariantCulture)));
        var index = 0;
        var products = ReadCsv("products.csv", r => new CatalogProduct(
            index++, r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
            double.Parse(r.GetString(4), CultureInfo.InvariantCulture),
            bool.Parse(r.GetString(5))));
        var brands = ReadCsv("brands.csv", r => new BrandEntry(r.GetString(0), r.GetString(1), r.GetString(2)));
        return new ReferenceData(geographies, products, brands);
    }

    private static List<T> ReadCsv<T>(string name, Func<CsvReader, T> map)
    {
        var resource = $"RetailDatagen.Core.Dictionaries.{name}";
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded dictionary '{resource}' is missing.");
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default, leaveOpen: false);
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
