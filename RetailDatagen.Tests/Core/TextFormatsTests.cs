using System.Globalization;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Tests.Core;

/// <summary>Money and timestamp text in CSV files and content hashes must stay exactly what the documented .NET
/// formats ("F2", "yyyy-MM-dd'T'HH:mm:ss") write.</summary>
public sealed class TextFormatsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1e-12)]
    [InlineData(-1e-12)]
    [InlineData(-0.004)]
    [InlineData(0.005)]
    [InlineData(0.125)]
    [InlineData(1.005)]
    [InlineData(1.115)]
    [InlineData(2.675)]
    [InlineData(-2.675)]
    [InlineData(0.07)]
    [InlineData(19.99)]
    [InlineData(-1299.97)]
    [InlineData(1e13 + 0.01)]
    [InlineData(123456789012.345)]
    [InlineData(1e16)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FormatMoney_WritesWhatF2Writes_AtTheEdges(double value) => AssertSameAsF2(value);

    [Fact]
    public void FormatMoney_WritesNegativeZeroAsF2Does() => AssertSameAsF2(-0.0);

    [Fact]
    public void FormatMoney_WritesWhatF2Writes_ForCentsSumsProductsAndNearMisses()
    {
        var random = new Random(7);
        for (var i = 0; i < 200_000; i++)
        {
            var cents = random.NextInt64(-10_000_000, 10_000_000);
            var price = cents / 100.0;
            AssertSameAsF2(price);
            AssertSameAsF2(TextFormats.RoundMoney(price * random.Next(-12, 13)));
            AssertSameAsF2(price * 1.0825);
            AssertSameAsF2(price + 0.1 + 0.2);
            AssertSameAsF2(BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(price) + random.Next(-3, 4)));
            AssertSameAsF2(price + 0.005);
        }
    }

    [Fact]
    public void FormatTimestamp_WritesWhatTheTimestampPatternWrites()
    {
        var random = new Random(11);
        DateTime[] edges =
        [
            DateTime.MinValue,
            DateTime.MaxValue,
            new(2024, 2, 29, 23, 59, 59, 999),
            new(1, 1, 1, 0, 0, 1),
        ];
        var anyTime = Enumerable.Range(0, 100_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks)));
        foreach (var t in edges.Concat(anyTime))
        {
            var expected = t.ToString(TextFormats.Timestamp, CultureInfo.InvariantCulture);
            Assert.Equal(expected, TextFormats.FormatTimestamp(t));
        }
    }

    [Fact]
    public void TimestampCache_GivesEachTimestampsText_WhetherRepeatedOrNew()
    {
        // The sinks ask for the same time row after row (snapshots) and for a new one on most fact rows; the first
        // request may be the cache's own starting value.
        var random = new Random(13);
        var cache = new TextFormats.TimestampCache();
        DateTime[] times =
        [
            DateTime.MinValue,
            DateTime.MinValue,
            new(2026, 11, 27, 6, 0, 0),
            new(2026, 11, 27, 6, 0, 0),
            new(2026, 11, 27, 6, 0, 1),
            DateTime.MinValue,
            .. Enumerable.Range(0, 10_000).Select(_ => new DateTime(random.NextInt64(DateTime.MaxValue.Ticks))),
        ];
        foreach (var t in times)
        {
            Assert.Equal(t.ToString(TextFormats.Timestamp, CultureInfo.InvariantCulture), cache.Format(t).ToString());
        }
    }

    private static void AssertSameAsF2(double value)
    {
        Span<char> text = stackalloc char[TextFormats.MoneyMaxLength];
        var length = TextFormats.FormatMoney(value, text);
        Assert.Equal(value.ToString(TextFormats.Money, CultureInfo.InvariantCulture), text[..length].ToString());
    }
}
