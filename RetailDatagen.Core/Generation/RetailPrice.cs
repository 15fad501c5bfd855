namespace RetailDatagen.Core.Generation;

/// <summary>Retail price endings (DATA-CONTRACT §4): shelf prices end in .29, .49, .79, .89, .97 or .99.</summary>
public static class RetailPrice
{
    private static readonly int[] Endings = [29, 49, 79, 89, 97, 99];

    /// <summary>True when a price in cents ends like a shelf price.</summary>
    public static bool HasRetailEnding(double price)
    {
        var cents = (int)Math.Round(price * 100) % 100;
        return Array.IndexOf(Endings, cents) >= 0;
    }

    /// <summary>The shelf price nearest to <paramref name="price"/> (at least $0.29).</summary>
    public static double Nearest(double price)
    {
        var best = 0.29;
        var dollars = (int)Math.Floor(price);
        for (var d = Math.Max(0, dollars - 1); d <= dollars + 1; d++)
        {
            foreach (var ending in Endings)
            {
                var candidate = d + (ending / 100.0);
                if (Math.Abs(candidate - price) < Math.Abs(best - price))
                {
                    best = candidate;
                }
            }
        }

        return Math.Round(best, 2);
    }

    /// <summary>The shelf price nearest to <paramref name="price"/> that is below <paramref name="ceiling"/> (a
    /// markdown), at least $0.29 when possible.</summary>
    public static double Below(double price, double ceiling)
    {
        var nearest = Nearest(price);
        if (nearest < ceiling)
        {
            return nearest;
        }

        var dollars = (int)Math.Floor(ceiling);
        for (var d = dollars; d >= 0; d--)
        {
            for (var e = Endings.Length - 1; e >= 0; e--)
            {
                var candidate = Math.Round(d + (Endings[e] / 100.0), 2);
                if (candidate < ceiling)
                {
                    return candidate;
                }
            }
        }

        // Below $0.29 there is no shelf ending left: a one-cent markdown keeps sale < MSRP.
        return Math.Max(0.02, Math.Round(ceiling - 0.01, 2));
    }
}
