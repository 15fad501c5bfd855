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

    /// <summary>Remembers the last timestamp's text: snapshot rows all share one, and formatting it per row per sink
    /// adds up.</summary>
    public sealed class TimestampCache
    {
        private DateTime _last = DateTime.MinValue;
        private string _text = DateTime.MinValue.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture);

        public string Format(DateTime value)
        {
            if (value != _last)
            {
                _last = value;
                _text = value.ToString(Timestamp, System.Globalization.CultureInfo.InvariantCulture);
            }

            return _text;
        }
    }
}
