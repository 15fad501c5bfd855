namespace RetailDatagen.Web.Components.Shared.Charts;

/// <summary>
/// One palette for every overview chart: a single series is always the theme's primary colour, further series
/// and donut slices take the next colours in this order (distinct in hue and lightness for colour-blind readers).
/// </summary>
public static class ChartPalette
{
    public static string[] Colors { get; } =
    ["#594ae2", "#e07b00", "#00897b", "#c2185b", "#1565c0", "#7cb342", "#6d4c41", "#8e24aa", "#546e7a", "#f9a825"];
}
