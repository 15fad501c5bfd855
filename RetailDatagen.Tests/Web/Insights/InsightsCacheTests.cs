using RetailDatagen.Core.Insights;
using RetailDatagen.Web.Insights;

namespace RetailDatagen.Tests.Web.Insights;

public sealed class InsightsCacheTests(SmallDataset dataset)
{
    [Fact]
    public async Task GetAsync_AfterAFailure_ComputesAgain_ThenKeepsTheResult()
    {
        var cache = new InsightsCache();
        var calls = 0;

        await Assert.ThrowsAsync<IOException>(() => cache.GetAsync("run", () =>
        {
            calls++;
            throw new IOException("database busy");
        }));
        var computed = await cache.GetAsync("run", () =>
        {
            calls++;
            return InsightsQueries.Compute(dataset.DatabasePath);
        });
        var cached = await cache.GetAsync("run", () => throw new InvalidOperationException("computed a third time"));

        Assert.Equal(2, calls);
        Assert.Same(computed, cached);
    }
}
