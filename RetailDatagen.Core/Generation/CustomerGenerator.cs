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
        var phone = Phone(ref random);
        return new Customer
        {
            ID = (int)index + 1,
            FirstName = first,
            LastName = last,
            Address = address,
            GeographyID = place.ID,
            LoyaltyCard = LoyaltyCard(index),
            Phone = phone,
            BLEId = BleId(index),
            AdId = AdId(index),
        };
    }

    /// <summary>The BLEId of the customer at a 0-based row index (BLE pings reference it).</summary>
    public string BleId(long index) => Prefixed("BLE", _ble.Permute((ulong)index));

    /// <summary>The AdId of the customer at a 0-based row index (marketing facts reference it).</summary>
    public string AdId(long index) => Prefixed("AD", _ad.Permute((ulong)index));

    public string LoyaltyCard(long index) => string.Create(11, _loyalty.Permute((ulong)index), static (span, v) =>
    {
        span[0] = 'L';
        span[1] = 'C';
        for (var i = 10; i >= 2; i--)
        {
            span[i] = (char)('0' + (int)(v % 10));
            v /= 10;
        }
    });

    // "(AAA) EEE-NNNN" with a fictional area code; built in place, as this runs for every customer.
    private static string Phone(ref RowRandom random)
    {
        var state = (Area: AreaCodes[random.NextInt(AreaCodes.Length)], Exchange: random.NextInt(200, 999), Line: random.NextInt(0, 9999));
        return string.Create(14, state, static (span, s) =>
        {
            span[0] = '(';
            s.Area.AsSpan().CopyTo(span[1..]);
            span[4] = ')';
            span[5] = ' ';
            Digits(span.Slice(6, 3), s.Exchange);
            span[9] = '-';
            Digits(span.Slice(10, 4), s.Line);
        });
    }

    private static void Digits(Span<char> span, int value)
    {
        for (var i = span.Length - 1; i >= 0; i--)
        {
            span[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }

    private static string Prefixed(string prefix, ulong value) => string.Create(prefix.Length + 6, (prefix, value), static (span, s) =>
    {
        const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        s.prefix.AsSpan().CopyTo(span);
        var v = s.value;
        for (var i = span.Length - 1; i >= s.prefix.Length; i--)
        {
            span[i] = digits[(int)(v % 36)];
            v /= 36;
        }
    });
}
