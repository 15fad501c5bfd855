using System.Globalization;
using CsvHelper;

namespace RetailDatagen.Core.Dictionaries;

/// <summary>A US place from the shipped geography dictionary, with its telephone area codes.</summary>
public sealed record GeographyEntry(
    string City,
    string State,
    string ZipCode,
    string District,
    string Region,
    double Latitude,
    double Longitude,
    long Population
)
{
    /// <summary>The real area codes serving the place (never toll-free, never 555).</summary>
    public IReadOnlyList<string> AreaCodes { get; init; } = [];

    /// <summary>The place's real ZIP codes with their centroids; its own <see cref="ZipCode"/> is among them.</summary>
    public IReadOnlyList<ZipEntry> Zips { get; init; } = [];
}

/// <summary>A real ZIP code of a place with the centroid of its Census tabulation area.</summary>
public sealed record ZipEntry(string ZipCode, double Latitude, double Longitude);

/// <summary>A US surname with its frequency per 100,000 people (Census 2010 ranks, 1990 for the tail).</summary>
public sealed record SurnameEntry(string Name, int Rank, double Per100K, int Census);

/// <summary>A first name given to <paramref name="Births"/> US babies of one sex in a birth decade (SSA).</summary>
public sealed record FirstNameEntry(int Decade, char Sex, string Name, long Births);

/// <summary>A common US street name and how many named road segments carry it (Census TIGER/Line).</summary>
public sealed record StreetEntry(string Name, int Segments);

/// <summary>A base product from the shipped catalog (brand-free).</summary>
public sealed record CatalogProduct(
    int Index,
    string Department,
    string Category,
    string Subcategory,
    string Name,
    double BasePrice,
    bool RequiresRefrigeration
);

/// <summary>A synthetic brand, the department it sells in and its synthetic parent company.</summary>
public sealed record BrandEntry(string Department, string Brand, string Company);

/// <summary>The dictionaries embedded in the assembly, loaded once per process.</summary>
public sealed class ReferenceData
{
    private static readonly Lazy<ReferenceData> Lazy = new(Load);

    private ReferenceData(
        IReadOnlyList<GeographyEntry> geographies,
        IReadOnlyList<CatalogProduct> products,
        IReadOnlyList<BrandEntry> brands,
        PeopleData people
    )
    {
        Geographies = geographies;
        Surnames = people.Surnames;
        FirstNames = people.FirstNames;
        Streets = people.Streets;
        Products = products;
        Brands = brands;
        Departments =
        [
            .. products.Select(p => p.Department).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal),
        ];
        ProductsByDepartment = Departments.ToDictionary(
            d => d,
            d => (IReadOnlyList<CatalogProduct>)[.. products.Where(p => p.Department == d)],
            StringComparer.Ordinal
        );
        BrandsByDepartment = Departments.ToDictionary(
            d => d,
            d => (IReadOnlyList<BrandEntry>)[.. brands.Where(b => b.Department == d)],
            StringComparer.Ordinal
        );
        HouseBrands = [.. brands.Where(b => b.Department == HouseBrandDepartment)];
        ProductCapacity = Departments.Sum(d => ProductsByDepartment[d].Count * BrandsByDepartment[d].Count);
    }

    /// <summary>The Department value of house (private-label) brands: they may sell in every food department.</summary>
    public const string HouseBrandDepartment = "House";

    public static ReferenceData Instance => Lazy.Value;

    public IReadOnlyList<GeographyEntry> Geographies { get; }
    public IReadOnlyList<CatalogProduct> Products { get; }
    public IReadOnlyList<BrandEntry> Brands { get; }
    public IReadOnlyList<SurnameEntry> Surnames { get; }
    public IReadOnlyList<FirstNameEntry> FirstNames { get; }
    public IReadOnlyList<StreetEntry> Streets { get; }
    public IReadOnlyList<string> Departments { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<CatalogProduct>> ProductsByDepartment { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<BrandEntry>> BrandsByDepartment { get; }

    /// <summary>House brands, which span the food departments (DATA-CONTRACT §4).</summary>
    public IReadOnlyList<BrandEntry> HouseBrands { get; }

    /// <summary>How many distinct (product, brand) pairs the catalog can produce.</summary>
    public int ProductCapacity { get; }

    private static ReferenceData Load()
    {
        var zips = ReadCsv(
                "zipcodes.csv",
                r =>
                    (
                        Place: (r.GetString(0), r.GetString(1)),
                        Zip: new ZipEntry(r.GetString(2), Number(r.GetString(3)), Number(r.GetString(4)))
                    )
            )
            .ToLookup(z => z.Place, z => z.Zip);
        var geographies = ReadCsv(
            "geographies.csv",
            r => new GeographyEntry(
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                r.GetString(4),
                Number(r.GetString(5)),
                Number(r.GetString(6)),
                long.Parse(r.GetString(7), CultureInfo.InvariantCulture)
            )
            {
                AreaCodes = r.GetString(8).Split('|', StringSplitOptions.RemoveEmptyEntries),
            }
        );
        geographies = [.. geographies.Select(g => g with { Zips = [.. zips[(g.City, g.State)]] })];
        var index = 0;
        var products = ReadCsv(
            "products.csv",
            r => new CatalogProduct(
                index++,
                r.GetString(0),
                r.GetString(1),
                r.GetString(2),
                r.GetString(3),
                double.Parse(r.GetString(4), CultureInfo.InvariantCulture),
                bool.Parse(r.GetString(5))
            )
        );
        var brands = ReadCsv("brands.csv", r => new BrandEntry(r.GetString(0), r.GetString(1), r.GetString(2)));
        var people = new PeopleData(
            ReadCsv(
                "surnames.csv",
                r => new SurnameEntry(
                    r.GetString(0),
                    int.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                    Number(r.GetString(2)),
                    int.Parse(r.GetString(3), CultureInfo.InvariantCulture)
                )
            ),
            ReadCsv(
                "firstnames.csv",
                r => new FirstNameEntry(
                    int.Parse(r.GetString(0), CultureInfo.InvariantCulture),
                    r.GetString(1)[0],
                    r.GetString(2),
                    long.Parse(r.GetString(3), CultureInfo.InvariantCulture)
                )
            ),
            ReadCsv(
                "streets.csv",
                r => new StreetEntry(r.GetString(0), int.Parse(r.GetString(1), CultureInfo.InvariantCulture))
            )
        );
        return new ReferenceData(geographies, products, brands, people);
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private sealed record PeopleData(
        IReadOnlyList<SurnameEntry> Surnames,
        IReadOnlyList<FirstNameEntry> FirstNames,
        IReadOnlyList<StreetEntry> Streets
    );

    private static List<T> ReadCsv<T>(string name, Func<CsvReader, T> map)
    {
        var resource = $"RetailDatagen.Core.Dictionaries.{name}";
        using var stream =
            typeof(ReferenceData).Assembly.GetManifestResourceStream(resource)
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
