using System.Globalization;

namespace RetailDatagen.Web.Components.Shared;

/// <summary>How numbers, sizes, times and durations read on every page (invariant culture: 1,234,567).</summary>
public static class Display
{
    private static readonly string[] Units = ["B", "KB", "MB", "GB", "TB"];

    public static string Rows(long rows) => rows.ToString("N0", CultureInfo.InvariantCulture);

    public static string Bytes(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < Units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0
            ? $"{bytes} B"
            : value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }

    public static string Duration(double seconds)
    {
        if (seconds < 60)
        {
            return seconds.ToString(seconds < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";
        }

        var time = TimeSpan.FromSeconds(Math.Round(seconds));
        return time.TotalHours >= 1
            ? $"{(int)time.TotalHours} h {time.Minutes:00} min"
            : $"{time.Minutes} min {time.Seconds:00} s";
    }

    /// <summary>Time left: never negative, "–" when unknown, "< 1 s" at the very end.</summary>
    public static string Eta(double? seconds) =>
        seconds switch
        {
            null => "–",
            < 1 => "< 1 s",
            { } s => Duration(s),
        };

    public static string Rate(double? rowsPerSecond) =>
        rowsPerSecond is not { } rate || rate <= 0
            ? "–"
            : rate.ToString("N0", CultureInfo.InvariantCulture) + " rows/s";

    public static string Percent(double fraction) =>
        Math.Floor(Math.Clamp(fraction, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>What a generation stage does (the plan's stage numbers: master tables in key order, then the days of
    /// facts).</summary>
    public static string Stage(int stage) =>
        stage switch
        {
            1 => "Geography",
            2 => "Distribution centers",
            3 => "Stores",
            4 => "Fleet",
            5 => "Customers and products",
            6 => "Inventory snapshots",
            Core.Model.Tables.FactStage => "Daily facts",
            _ => $"Stage {stage}",
        };

    public static string Time(DateTimeOffset? time) =>
        time is { } t
            ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
            : "–";
}
