using System.Globalization;

namespace RetailDatagen.Core.Sql;

/// <summary>How a console value reads as text on screen and in CSV exports.</summary>
public static class SqlValues
{
    public static string? Text(object? value) =>
        value switch
        {
            null => null,
            string text => text,
            long number => number.ToString(CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            byte[] blob => "x'" + Convert.ToHexString(blob) + "'",
            IFormattable other => other.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };

    /// <summary>True for values a grid right-aligns.</summary>
    public static bool IsNumber(object? value) => value is long or double;
}
