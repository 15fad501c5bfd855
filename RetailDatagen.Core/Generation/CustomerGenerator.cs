using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// Customers spread over geographies by population. LoyaltyCard, BLEId and AdId map the row index through
/// keyed permutations of their whole domains, so they look random yet are unique for any customer count.
/// </summary>
public sealed class CustomerGenerator(MasterPlan plan) : ITableGenerator
{
    private static readonly string[] AreaCodes = ["555", "800", "888", "877", "866"];
    private const ulong Base36Domain = 36UL * 36 * 36 * 36 * 36 * 36;

    private readonly FeistelPermutation _loyalty = new(1_000_000_000UL, plan.Options.Seed, RandomStream.LoyaltyCards);
    private readonly FeistelPermutation _ble = new(Base36Domain, plan.Options.Seed, RandomStream.BleIds);
    private readonly FeistelPermutation _ad = new(Base36Domain, plan.Options.Seed, RandomStream.AdIds);

    public TableInfo Table => Tables.Customers;

    public long RowCount => plan.Options.Customers;

    public IRow Create(long index)
    {
        var random = new RowRandom(plan.Options.Seed, RandomStream.Customers, index);
        var words = plan.Vocabulary;
        var place = plan.Geographies[plan.GeographyAlias.Sample(ref random)];
        var first = words.FirstNames[random.NextInt(words.FirstNames.Count)];
        var last = words.LastNames[random.NextInt(words.LastNames.Count)];
        var address = Addresses.Residential(ref random, words, place);
        var area = AreaCodes[random.NextInt(AreaCodes.Length)];
        var exchange = random.NextInt(200, 999);
        var line = random.NextInt(0, 9999);
        return new Customer
        {
            ID = (int)index + 1,
            FirstName = first,
            LastName = last,
            Address = address,
            GeographyID = place.ID,
            LoyaltyCard = LoyaltyCard(index),
            Phone = $"({area}) {exchange:D3}-{line:D4}",
            BLEId = "BLE" + Base36(_ble.Permute((ulong)index)),
            AdId = AdId(index),
        };
    }

    /// <summary>The AdId of the customer at a 0-based row index (marketing facts reference it).</summary>
    public string AdId(long index) => "AD" + Base36(_ad.Permute((ulong)index));

    public string LoyaltyCard(long index) => "LC" + _loyalty.Permute((ulong)index).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    private static string Base36(ulong value) => string.Create(6, value, static (span, v) =>
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (var i = 5; i >= 0; i--)
        {
            span[i] = digits[(int)(v % 36)];
            v /= 36;
        }
    });
}
