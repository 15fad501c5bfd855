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
}
