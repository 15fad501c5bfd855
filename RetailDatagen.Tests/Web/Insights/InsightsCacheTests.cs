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

        await Assert.ThrowsAsync<IOException>(() =>
            cache.GetAsync(
                "run",
                () =>
                {
                    calls++;
                    throw new IOException("database busy");
                }
            )
        );
        var computed = await cache.GetAsync(
            "run",
            () =>
            {
                calls++;
                return InsightsQueries.Compute(dataset.DatabasePath);
            }
        );
        var cached = await cache.GetAsync("run", () => throw new InvalidOperationException("computed a third time"));

        Assert.Equal(2, calls);
        Assert.Same(computed, cached);
    }

    [Fact]
    public void Load_PrefersTheStoredAggregates_AndNeverOpensTheDatabaseThen()
    {
        var stored = InsightsCache.Load(Path.Combine(dataset.Directory, StoredOverview.FileName), "/no/such/retail.db");

        Assert.Equal(InsightsQueries.Compute(dataset.DatabasePath).ActiveCustomers, stored.ActiveCustomers);
    }

    [Fact]
    public void Load_WithoutOrWithADamagedStoredFile_ComputesFromTheDatabase()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("overview.json"), "{ damaged");
        var expected = InsightsQueries.Compute(dataset.DatabasePath);

        Assert.Equal(expected.Receipts, InsightsCache.Load(null, dataset.DatabasePath).Receipts);
        Assert.Equal(
            expected.Receipts,
            InsightsCache.Load(temp.Combine("overview.json"), dataset.DatabasePath).Receipts
        );
        Assert.Throws<FileNotFoundException>(() => InsightsCache.Load(temp.Combine("overview.json"), null));
    }
}
