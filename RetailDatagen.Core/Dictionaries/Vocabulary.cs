using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Dictionaries;

/// <summary>
/// Names and streets drawn at their real US frequencies (DATA-CONTRACT §4): surnames by Census rank, first
/// names by sex and birth decade (SSA), streets by how often TIGER/Line names a road after them. The alias
/// tables are built once per run; rows draw from them with their own <see cref="RowRandom"/>.
/// </summary>
public sealed class Vocabulary
{
    public static readonly string[] ResidentialTypes =
    [
        "St",
        "Ave",
        "Dr",
        "Ln",
        "Ct",
        "Way",
        "Pl",
        "Rd",
        "Cir",
        "Ter",
        "Blvd",
    ];
    public static readonly string[] CommercialTypes = ["Ave", "Blvd", "St", "Rd", "Pkwy", "Hwy", "Plaza"];
    public static readonly string[] IndustrialNames =
    [
        "Industrial",
        "Commerce",
        "Distribution",
        "Logistics",
        "Freight",
        "Warehouse",
        "Enterprise",
        "Gateway",
        "Trade Center",
        "Depot",
        "Supply Chain",
        "Terminal",
    ];
    public static readonly string[] IndustrialTypes = ["Pkwy", "Dr", "Blvd", "Way", "Rd", "Ct"];

    private readonly WeightedWords _surnames;
    private readonly WeightedWords _streets;
    private readonly WeightedWords[] _firstNames;
    private readonly int _firstDecade;

    private Vocabulary(WeightedWords surnames, WeightedWords streets, WeightedWords[] firstNames, int firstDecade)
    {
        _surnames = surnames;
        _streets = streets;
        _firstNames = firstNames;
        _firstDecade = firstDecade;
    }

    /// <summary>Every surname the vocabulary can draw, most frequent first.</summary>
    public IReadOnlyList<string> LastNames => _surnames.Words;

    /// <summary>Every street name the vocabulary can draw, most frequent first.</summary>
    public IReadOnlyList<string> Streets => _streets.Words;

    public static Vocabulary Create(ReferenceData reference)
    {
        // Ranks past the Census 2010 list come from the 1990 list: they stand for the rest of the population,
        // so their weights are scaled to the share the 2010 ranks leave (Smith stays at its real 0.83%).
        var top = reference.Surnames.Where(s => s.Census == 2010).ToList();
        var tail = reference.Surnames.Where(s => s.Census != 2010).ToList();
        var topShare = top.Sum(s => s.Per100K);
        var tailScale = tail.Count == 0 ? 0 : Math.Max(0, 100_000 - topShare) / tail.Sum(s => s.Per100K);
        var surnames = new WeightedWords(
            [.. top.Select(s => s.Name), .. tail.Select(s => s.Name)],
            [.. top.Select(s => s.Per100K), .. tail.Select(s => s.Per100K * tailScale)]
        );
        var streets = new WeightedWords(
            [.. reference.Streets.Select(s => s.Name)],
            [.. reference.Streets.Select(s => (double)s.Segments)]
        );
        var decades = reference.FirstNames.Select(f => f.Decade).Distinct().Order().ToArray();
        var firstNames = decades
            .SelectMany(d =>
                new[] { 'F', 'M' }.Select(sex =>
                    reference.FirstNames.Where(f => f.Decade == d && f.Sex == sex).ToList()
                )
            )
            .Select(names => new WeightedWords(
                [.. names.Select(n => n.Name)],
                [.. names.Select(n => (double)n.Births)]
            ))
            .ToArray();
        return new Vocabulary(surnames, streets, firstNames, decades[0]);
    }

    /// <summary>A surname at its US frequency.</summary>
    public string LastName(ref RowRandom random) => _surnames.Draw(ref random);

    /// <summary>A first name given to babies of that sex in the decade of <paramref name="birthYear"/>.</summary>
    public string FirstName(ref RowRandom random, int birthYear, bool female)
    {
        var decade = Math.Clamp((birthYear - _firstDecade) / 10, 0, (_firstNames.Length / 2) - 1);
        return _firstNames[(decade * 2) + (female ? 0 : 1)].Draw(ref random);
    }

    /// <summary>A street name at its frequency among US named roads.</summary>
    public string Street(ref RowRandom random) => _streets.Draw(ref random);

    private sealed class WeightedWords(string[] words, double[] weights)
    {
        private readonly AliasTable _alias = new(weights);

        public string[] Words { get; } = words;

        public string Draw(ref RowRandom random) => Words[_alias.Sample(ref random)];
    }
}
