using RetailDatagen.Core.Model;
using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Core.Generation;

/// <summary>
/// Customers living in the stores' trade areas (<see cref="TradeAreas"/> places each one), named at US
/// frequencies for their birth decade, with a phone on their place's real area code. LoyaltyCard, BLEId and
/// AdId map the row index through keyed permutations of their whole domains, so they look random yet are
/// unique for any customer count.
/// </summary>
public sealed class CustomerGenerator(MasterPlan plan) : ITableGenerator
{
    private const ulong Base36Domain = 36UL * 36 * 36 * 36 * 36 * 36;

    // Share of US adults by age band (Census 2020, ages 18–94, approximate), youngest band first.
    private static readonly (int MinAge, int MaxAge, double Share)[] AgeBands =
    [
        (18, 24, 11.9),
        (25, 34, 17.4),
        (35, 44, 16.5),
        (45, 54, 15.6),
        (55, 64, 16.4),
        (65, 74, 12.9),
        (75, 84, 6.6),
        (85, 94, 2.7),
    ];

    private static readonly AliasTable AgeBandAlias = new([.. AgeBands.Select(b => b.Share)]);

    private readonly FeistelPermutation _loyalty = new(1_000_000_000UL, plan.Options.Seed, RandomStream.LoyaltyCards);
    private readonly FeistelPermutation _ble = new(Base36Domain, plan.Options.Seed, RandomStream.BleIds);
    private readonly FeistelPermutation _ad = new(Base36Domain, plan.Options.Seed, RandomStream.AdIds);

    public TableInfo Table => Tables.Customers;

    public long RowCount => plan.Options.Customers;

    public IRow Create(long index)
    {
        var random = new RowRandom(plan.Options.Seed, RandomStream.Customers, index);
        var words = plan.Vocabulary;
        var home = plan.TradeAreas.Locate(index);
        var place = plan.Geographies[home.GeographyId - 1];
        var band = AgeBands[AgeBandAlias.Sample(ref random)];
        var birthYear = plan.Options.StartDate.Year - random.NextIntInclusive(band.MinAge, band.MaxAge);
        var first = words.FirstName(ref random, birthYear, female: random.Chance(0.51));
        var last = words.LastName(ref random);
        var address = Addresses.Residential(ref random, words, place, home.ZipCode);
        var areaCodes = plan.GeographyEntries[home.GeographyId - 1].AreaCodes;
        var phone = Phone(areaCodes[random.NextInt(areaCodes.Count)], random.NextInt(100));
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
            ZipCode = home.ZipCode,
            Latitude = home.Latitude,
            Longitude = home.Longitude,
            HomeStoreID = home.PrimaryStore,
            BirthYear = birthYear,
        };
    }

    /// <summary>The BLEId of the customer at a 0-based row index (BLE pings reference it).</summary>
    public string BleId(long index) => Prefixed("BLE", _ble.Permute((ulong)index));

    /// <summary>The AdId of the customer at a 0-based row index (marketing facts reference it).</summary>
    public string AdId(long index) => Prefixed("AD", _ad.Permute((ulong)index));

    public string LoyaltyCard(long index) =>
        string.Create(
            11,
            _loyalty.Permute((ulong)index),
            static (span, v) =>
            {
                span[0] = 'L';
                span[1] = 'C';
                for (var i = 10; i >= 2; i--)
                {
                    span[i] = (char)('0' + (int)(v % 10));
                    v /= 10;
                }
            }
        );

    // "(AAA) 555-01NN": the place's real area code and the block reserved for fiction; built in place, as
    // this runs for every customer.
    private static string Phone(string areaCode, int line) =>
        string.Create(
            14,
            (areaCode, line),
            static (span, s) =>
            {
                "(000) 555-0100".AsSpan().CopyTo(span);
                s.areaCode.AsSpan().CopyTo(span[1..]);
                span[12] = (char)('0' + (s.line / 10));
                span[13] = (char)('0' + (s.line % 10));
            }
        );

    private static string Prefixed(string prefix, ulong value) =>
        string.Create(
            prefix.Length + 6,
            (prefix, value),
            static (span, s) =>
            {
                const string digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
                s.prefix.AsSpan().CopyTo(span);
                var v = s.value;
                for (var i = span.Length - 1; i >= s.prefix.Length; i--)
                {
                    span[i] = digits[(int)(v % 36)];
                    v /= 36;
                }
            }
        );
}
