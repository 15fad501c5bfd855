using RetailDatagen.Core.Dictionaries;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>Street addresses in a geography: <c>&lt;number&gt; &lt;street&gt; &lt;type&gt;, &lt;City&gt;, &lt;State&gt;
/// &lt;Zip&gt;</c>.</summary>
internal static class Addresses
{
    /// <summary>A home on a common US street, in the customer's own ZIP of the place.</summary>
    public static string Residential(ref RowRandom random, Vocabulary words, Geography place, string zipCode)
    {
        var number = random.NextIntInclusive(1, 9999);
        var street = words.Street(ref random);
        var type = Vocabulary.ResidentialTypes[random.NextInt(Vocabulary.ResidentialTypes.Length)];
        return random.Chance(0.15)
            ? $"{number} {street} {type} Apt {random.NextIntInclusive(1, 450)}, {place.City}, {place.State} {zipCode}"
            : $"{number} {street} {type}, {place.City}, {place.State} {zipCode}";
    }

    public static string Commercial(ref RowRandom random, Vocabulary words, Geography place)
    {
        var number = random.NextIntInclusive(100, 29999);
        var street = words.Street(ref random);
        var type = Vocabulary.CommercialTypes[random.NextInt(Vocabulary.CommercialTypes.Length)];
        return $"{number} {street} {type}, {place.City}, {place.State} {place.ZipCode}";
    }

    public static string Industrial(ref RowRandom random, Geography place)
    {
        var number = random.NextIntInclusive(1000, 99999);
        var street = Vocabulary.IndustrialNames[random.NextInt(Vocabulary.IndustrialNames.Length)];
        var type = Vocabulary.IndustrialTypes[random.NextInt(Vocabulary.IndustrialTypes.Length)];
        return $"{number} {street} {type}, {place.City}, {place.State} {place.ZipCode}";
    }
}
