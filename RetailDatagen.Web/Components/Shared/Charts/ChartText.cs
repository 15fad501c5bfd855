using System.Globalization;

namespace RetailDatagen.Web.Components.Shared.Charts;

/// <summary>Number and label text shared by the overview charts and the network map.</summary>
public static class ChartText
{
    /// <summary>An SVG coordinate: invariant, one decimal.</summary>
    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>A compact value: 1.2M, 45.3k, 812.5.</summary>
    public static string Compact(double value) =>
        Math.Abs(value) switch
        {
            >= 1_000_000 => (value / 1_000_000).ToString("0.#", CultureInfo.InvariantCulture) + "M",
            >= 10_000 => (value / 1_000).ToString("0.#", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
        };

    /// <summary>A value in full with its unit: $1,234,567 or 1,234.</summary>
    public static string Full(double value, string unit) =>
        unit == "$"
            ? "$" + value.ToString("#,0", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", CultureInfo.InvariantCulture);

    /// <summary>The "nice" tick step (1, 2 or 5 × 10^n, whole numbers) at or above <paramref name="raw"/>.</summary>
    public static int NiceStep(double raw)
    {
        if (raw <= 1)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * magnitude).First(s => s >= raw);
        return (int)Math.Min(int.MaxValue, step);
    }

    /// <summary>A label cut to <paramref name="max"/> characters with an ellipsis (the full text goes in a
    /// tooltip).</summary>
    public static string Short(string label, int max) =>
        label.Length <= max ? label : string.Concat(label.AsSpan(0, Math.Max(1, max - 1)).TrimEnd(), "…");

    /// <summary>
    /// The labels made distinct by appending zero-width spaces to repeats (a cut label that collides, or the blank
    /// labels of a thinned axis), so each label names exactly one category.
    /// </summary>
    public static string[] Distinct(IReadOnlyList<string> labels)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var distinct = new string[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            while (!seen.Add(label))
            {
                label += "\u200B";
            }

            distinct[i] = label;
        }

        return distinct;
    }
}
