using Bogus;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Dictionaries;

/// <summary>
/// Word pools for names and streets, built once per run from a seeded Faker. Rows index these pools with
/// their own <see cref="RowRandom"/>: calling Bogus per row is slow and takes a global lock.
/// </summary>
public sealed class Vocabulary
{
    private static readonly string[] CommonStreets =
    [
        "Main", "Oak", "Maple", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Walnut", "Spring",
        "Chestnut", "Highland", "Sunset", "Lincoln", "Jackson", "Church", "River", "Willow", "Meadow", "Forest",
        "Ridge", "Valley", "Franklin", "Jefferson", "Madison", "Adams", "Center", "Mill", "Union", "Grant",
        "1st", "2nd", "3rd", "4th", "5th", "6th", "7th", "8th", "9th", "10th", "Broad", "Market", "College",
    ];

    public static readonly string[] ResidentialTypes = ["St", "Ave", "Dr", "Ln", "Ct", "Way", "Pl", "Rd", "Cir", "Ter", "Blvd"];
    public static readonly string[] CommercialTypes = ["Ave", "Blvd", "St", "Rd", "Pkwy", "Hwy", "Plaza"];
    public static readonly string[] IndustrialNames =
        ["Industrial", "Commerce", "Distribution", "Logistics", "Freight", "Warehouse", "Enterprise", "Gateway", "Trade Center", "Depot", "Supply Chain", "Terminal"];
    public static readonly string[] IndustrialTypes = ["Pkwy", "Dr", "Blvd", "Way", "Rd", "Ct"];

    private Vocabulary(string[] firstNames, string[] lastNames, string[] streets)
    {
        FirstNames = firstNames;
        LastNames = lastNames;
        Streets = streets;
    }

    public IReadOnlyList<string> FirstNames { get; }
    public IReadOnlyList<string> LastNames { get; }
    public IReadOnlyList<string> Streets { get; }

    public static Vocabulary Create(long seed)
    {
        var random = new RowRandom(seed, RandomStream.Vocabulary, 0);
        var faker = new Faker("en") { Random = new Randomizer((int)(random.NextUInt64() & int.MaxValue)) };
        var first = Distinct(() => faker.Name.FirstName(), 6000);
        var last = Distinct(() => faker.Name.LastName(), 6000);
        var streets = Distinct(() => faker.Name.LastName(), 600).Concat(CommonStreets).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new Vocabulary(first, last, streets);
    }

    // Sorted so the pools depend only on which words Faker offers, not on the order it drew them.
    private static string[] Distinct(Func<string> draw, int draws)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < draws; i++)
        {
            var word = draw();
            if (word.Length > 0 && !word.Contains(',', StringComparison.Ordinal))
            {
                set.Add(word);
            }
        }

        return [.. set.Order(StringComparer.Ordinal)];
    }
}
