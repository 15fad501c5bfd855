using RetailDatagen.Core.Randomness;

namespace RetailDatagen.Tests.Core.Randomness;

/// <summary>The randomness primitives every table is built on, checked on their own.</summary>
public sealed class RandomnessTests
{
    [Theory]
    [InlineData(2UL)]
    [InlineData(37UL)]
    [InlineData(1_000UL)]
    [InlineData(65_537UL)]
    public void Feistel_IsABijectionOfItsDomain(ulong domain)
    {
        var permutation = new FeistelPermutation(domain, 42, RandomStream.LicensePlates);

        var images = new HashSet<ulong>();
        for (ulong i = 0; i < domain; i++)
        {
            var image = permutation.Permute(i);
            Assert.True(image < domain, $"{i} maps to {image}, outside 0..{domain - 1}");
            Assert.True(images.Add(image), $"{image} is the image of two values");
        }

        Assert.Equal((int)domain, images.Count);
    }

    [Fact]
    public void Feistel_DependsOnSeedAndStream_AndIsStable()
    {
        const ulong domain = 10_000;
        var one = new FeistelPermutation(domain, 1, RandomStream.BleIds);
        var again = new FeistelPermutation(domain, 1, RandomStream.BleIds);
        var otherSeed = new FeistelPermutation(domain, 2, RandomStream.BleIds);
        var otherStream = new FeistelPermutation(domain, 1, RandomStream.AdIds);

        var values = Enumerable.Range(0, 100).Select(i => (ulong)i).ToList();
        Assert.Equal(values.Select(one.Permute), values.Select(again.Permute));
        Assert.NotEqual(values.Select(one.Permute), values.Select(otherSeed.Permute));
        Assert.NotEqual(values.Select(one.Permute), values.Select(otherStream.Permute));
        // Not the identity, nor a shift: neighbours land far apart.
        Assert.True(values.Count(v => one.Permute(v) == v) < 5);
    }

    [Fact]
    public void AliasTable_SamplesEachOutcomeInProportionToItsWeight()
    {
        double[] weights = [1, 2, 3, 4, 0, 10];
        var table = new AliasTable(weights);
        const int draws = 200_000;
        var counts = new int[weights.Length];
        for (var row = 0; row < draws; row++)
        {
            var random = new RowRandom(7, RandomStream.BleIds, row);
            counts[table.Sample(ref random)]++;
        }

        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            // Five standard deviations of a binomial count: fails only if the sampler is biased.
            var expected = draws * weights[i] / total;
            var tolerance = 5 * Math.Sqrt(draws * (weights[i] / total) * (1 - (weights[i] / total)));
            Assert.InRange(counts[i], expected - tolerance, expected + tolerance);
        }

        Assert.Equal(0, counts[4]);
    }

    [Fact]
    public void RowRandom_IsAPureFunctionOfSeedStreamAndRow()
    {
        var a = new RowRandom(42, RandomStream.BleIds, 12_345);
        var b = new RowRandom(42, RandomStream.BleIds, 12_345);

        Assert.Equal(
            Enumerable.Range(0, 8).Select(_ => a.NextUInt64()),
            Enumerable.Range(0, 8).Select(_ => b.NextUInt64())
        );
    }

    [Fact]
    public void RowRandom_StreamsRowsAndSeeds_AreIndependent()
    {
        const int rows = 50_000;
        double[] Draw(long seed, RandomStream stream, int offset) =>
            [.. Enumerable.Range(0, rows).Select(r => new RowRandom(seed, stream, r + offset).NextDouble())];

        var baseline = Draw(42, RandomStream.BleIds, 0);
        var otherStream = Draw(42, RandomStream.AdIds, 0);
        var nextRow = Draw(42, RandomStream.BleIds, 1);
        var otherSeed = Draw(43, RandomStream.BleIds, 0);

        // Uncorrelated: |r| of independent uniform samples of this size stays far below 0.02.
        Assert.InRange(Correlation(baseline, otherStream), -0.02, 0.02);
        Assert.InRange(Correlation(baseline, nextRow), -0.02, 0.02);
        Assert.InRange(Correlation(baseline, otherSeed), -0.02, 0.02);
        // Uniform on [0, 1): mean 1/2, and every tenth of the interval gets its share.
        Assert.InRange(baseline.Average(), 0.49, 0.51);
        Assert.All(
            baseline.GroupBy(v => (int)(v * 10)),
            g => Assert.InRange(g.Count(), rows / 10 * 0.95, rows / 10 * 1.05)
        );
    }

    private static double Correlation(double[] x, double[] y)
    {
        var (mx, my) = (x.Average(), y.Average());
        double sxy = 0,
            sxx = 0,
            syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }

        return sxy / Math.Sqrt(sxx * syy);
    }
}
