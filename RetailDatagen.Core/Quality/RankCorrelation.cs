namespace RetailDatagen.Core.Quality;

/// <summary>Spearman's rank correlation, with tied values sharing their mean rank.</summary>
internal static class RankCorrelation
{
    /// <summary>Spearman's ρ of two equally long series; 0 when either is constant.</summary>
    public static double Spearman(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (rx, ry) = (Ranks(x), Ranks(y));
        var (mx, my) = (rx.Average(), ry.Average());
        var cov = rx.Zip(ry).Sum(p => (p.First - mx) * (p.Second - my));
        var sx = Math.Sqrt(rx.Sum(v => (v - mx) * (v - mx)));
        var sy = Math.Sqrt(ry.Sum(v => (v - my) * (v - my)));
        return sx == 0 || sy == 0 ? 0 : cov / (sx * sy);
    }

    private static double[] Ranks(IReadOnlyList<double> values)
    {
        var order = Enumerable.Range(0, values.Count).OrderBy(i => values[i]).ToArray();
        var ranks = new double[values.Count];
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && values[order[j + 1]] == values[order[i]])
            {
                j++;
            }

            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = (i + j) / 2.0;
            }

            i = j + 1;
        }

        return ranks;
    }
}
