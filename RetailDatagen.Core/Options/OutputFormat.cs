namespace RetailDatagen.Core.Options;

/// <summary>Which artifacts a run writes.</summary>
public enum OutputFormat
{
    /// <summary>Only <c>retail.db</c>.</summary>
    Sqlite,

    /// <summary>Only the CSV files.</summary>
    Csv,

    /// <summary><c>retail.db</c> and the CSV files.</summary>
    Both,
}

public static class OutputFormatExtensions
{
    public static bool WritesSqlite(this OutputFormat format) => format is OutputFormat.Sqlite or OutputFormat.Both;

    public static bool WritesCsv(this OutputFormat format) => format is OutputFormat.Csv or OutputFormat.Both;

    public static string ToOptionValue(this OutputFormat format) =>
        format switch
        {
            OutputFormat.Sqlite => "sqlite",
            OutputFormat.Csv => "csv",
            _ => "both",
        };

    public static bool TryParse(string? text, out OutputFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "sqlite":
                format = OutputFormat.Sqlite;
                return true;
            case "csv":
                format = OutputFormat.Csv;
                return true;
            case "both":
                format = OutputFormat.Both;
                return true;
            default:
                format = OutputFormat.Both;
                return false;
        }
    }
}
