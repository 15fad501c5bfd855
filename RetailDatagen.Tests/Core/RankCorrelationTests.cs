using RetailDatagen.Core.Quality;

namespace RetailDatagen.Tests.Core;

/// <summary>The rank correlation the realism report and the shopper tests share.</summary>
public sealed class RankCorrelationTests
{
    [Fact]
    public void Spearman_IsOneForAnyIncreasingRelation_MinusOneForADecreasingOne()
    {
        double[] x = [1, 2, 3, 4, 5];
        Assert.Equal(1.0, RankCorrelation.Spearman(x, [1, 4, 9, 16, 25]), 12);
        Assert.Equal(-1.0, RankCorrelation.Spearman(x, [10, 8, 6, 4, 2]), 12);
    }

    [Fact]
    public void Spearman_GivesTiesTheirMeanRank_AndZeroForAConstantSeries()
    {
        // Ranks of y with the tie averaged: 1, 2.5, 2.5, 4 → ρ = 4.5 / sqrt(5 × 4.5).
        Assert.Equal(4.5 / Math.Sqrt(5 * 4.5), RankCorrelation.Spearman([1, 2, 3, 4], [10, 20, 20, 30]), 12);
        Assert.Equal(0.0, RankCorrelation.Spearman([1, 2, 3], [7, 7, 7]));
    }
}
