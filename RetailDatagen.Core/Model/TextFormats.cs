using System.Globalization;

namespace RetailDatagen.Core.Model;

/// <summary>The text forms of values shared by the CSV files and the content hash.</summary>
public static class TextFormats
{
    public const string Money = "F2";
    public const string Coordinate = "F4";
    public const string Date = "yyyy-MM-dd";
    public const string Timestamp = "yyyy-MM-dd'T'HH:mm:ss";
    public const string True = "true";
    public const string False = "false";

    /// <summary>Rounds to cents, halves away from zero.</summary>
    public static double RoundMoney(double value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The longest text <see cref="FormatMoney"/> writes for a value the generator can produce.</summary>
    public const int MoneyMaxLength = 32;

    /// <summary>
    /// Writes <paramref name="value"/> exactly as <see cref="Money"/> ("F2") does. The generator's money values are
    /// whole numbers of cents; for those, integer formatting replaces the general floating-point formatter (three
    /// money fields a receipt line, formatted for the CSV file and again for the content hash, made it the largest
    /// single cost of recording a day). A value within a millionth of a cent of a whole cent rounds to that cent
    /// under "F2" too; anything else (and a negative value that rounds to zero, which "F2" writes as "-0.00") goes
    /// to the general formatter.
    /// </summary>
    public static int FormatMoney(double value, Span<char> destination)
    {
        var scaled = value * 100;
        var cents = Math.Round(scaled);
        if (!(Math.Abs(scaled - cents) <= 1e-6) || Math.Abs(cents) >= 1e15 || (cents == 0 && double.IsNegative(value)))
        {
            return value.TryFormat(destination, out var formatted, Money, CultureInfo.InvariantCulture)
                ? formatted
                : throw new ArgumentException("The destination is too short for the money value.", nameof(destination));
        }

        var whole = (long)cents;
        var length = 0;
        if (whole < 0)
        {
            destination[length++] = '-';
            whole = -whole;
        }

        var (dollars, rest) = Math.DivRem(whole, 100);
        dollars.TryFormat(destination[length..], out var digits, default, CultureInfo.InvariantCulture);
        length += digits;
        destination[length++] = '.';
        destination[length++] = (char)('0' + (rest / 10));
        destination[length++] = (char)('0' + (rest % 10));
        return length;
    }

    /// <summary>The length of <see cref="Timestamp"/>'s text.</summary>
    public const int TimestampLength = 19;

    /// <summary>
    /// Remembers the last timestamp's text in a buffer of its own: snapshot rows all share one, and formatting it per
    /// row per sink adds up. No string is made: the sinks copy the characters straight into their output (strings
    /// made here were the largest single share of the fact stage's allocations).
    /// </summary>
    public sealed class TimestampCache
    {
        private readonly char[] _text = new char[TimestampLength];
        private DateTime _last;

        public TimestampCache() => WriteTimestamp(_last, _text);

        /// <summary>The text of <paramref name="value"/>, valid until the next call.</summary>
        public ReadOnlySpan<char> Format(DateTime value)
        {
            if (value != _last)
            {
                _last = value;
                WriteTimestamp(value, _text);
            }

            return _text;
        }
    }

    /// <summary>
    /// <paramref name="value"/> as <see cref="Timestamp"/> ("yyyy-MM-dd'T'HH:mm:ss") writes it, digit by digit: most
    /// fact rows carry a timestamp of their own, and the general date formatter (which parses the pattern each
    /// time) was a visible share of recording a day.
    /// </summary>
    public static string FormatTimestamp(DateTime value) =>
        string.Create(TimestampLength, value, static (text, t) => WriteTimestamp(t, text));

    private static void WriteTimestamp(DateTime t, Span<char> text)
    {
        Digits(text[..4], t.Year);
        text[4] = '-';
        Digits(text[5..7], t.Month);
        text[7] = '-';
        Digits(text[8..10], t.Day);
        text[10] = 'T';
        Digits(text[11..13], t.Hour);
        text[13] = ':';
        Digits(text[14..16], t.Minute);
        text[16] = ':';
        Digits(text[17..19], t.Second);
    }

    private static void Digits(Span<char> text, int value)
    {
        for (var i = text.Length - 1; i >= 0; i--)
        {
            text[i] = (char)('0' + (value % 10));
            value /= 10;
        }
    }
}
