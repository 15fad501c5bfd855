using System.Text.Json;
using RetailDatagen.Core.Insights;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>The overview aggregates a run stores while it writes its rows (overview.json), in every output
/// mode.</summary>
public sealed class StoredOverviewTests(SmallDataset dataset) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void StoredOverview_EqualsTheSqlAggregates_OnTheSmallDataset()
    {
        var path = Path.Combine(dataset.Directory, StoredOverview.FileName);

        var stored = StoredOverview.TryRead(path);
        var computed = InsightsQueries.Compute(dataset.DatabasePath);

        Assert.NotNull(stored);
        Assert.True(stored.HasFacts);
        Assert.Equal(Json(computed), Json(stored));
        Assert.Contains(
            dataset.Manifest.Files,
            f => f.Path == StoredOverview.FileName && f.Bytes == new FileInfo(path).Length
        );
    }

    [Fact]
    public async Task CsvOnlyRun_StoresTheSameAggregatesAsSqlOverTheDatabaseOfTheSameOptions()
    {
        var csv = _temp.Combine("csv");
        var sqlite = _temp.Combine("sqlite");
        var token = TestContext.Current.CancellationToken;
        await TestRuns.GenerateAsync(TestRuns.Tiny with { Format = OutputFormat.Csv }, csv, cancellationToken: token);
        await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Sqlite,
            },
            sqlite,
            cancellationToken: token
        );

        var stored = StoredOverview.TryRead(Path.Combine(csv, StoredOverview.FileName));

        Assert.NotNull(stored);
        Assert.Equal(Json(InsightsQueries.Compute(Path.Combine(sqlite, "retail.db"))), Json(stored));
    }

    [Fact]
    public async Task MasterOnlyRun_StoresTheDimensionAggregates_WithoutFacts()
    {
        var dir = _temp.Combine("master");
        await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                GenerateFacts = false,
            },
            dir,
            cancellationToken: TestContext.Current.CancellationToken
        );

        var stored = StoredOverview.TryRead(Path.Combine(dir, StoredOverview.FileName));

        Assert.NotNull(stored);
        Assert.False(stored.HasFacts);
        Assert.Equal(Json(InsightsQueries.Compute(Path.Combine(dir, "retail.db"))), Json(stored));
        Assert.Equal(TestRuns.Tiny.Customers, stored.Places.Sum(p => p.Customers));
    }

    [Fact]
    public void TryRead_MissingOrDamagedFile_IsNull()
    {
        File.WriteAllText(_temp.Combine("overview.json"), "{ not json");

        Assert.Null(StoredOverview.TryRead(_temp.Combine("overview.json")));
        Assert.Null(StoredOverview.TryRead(_temp.Combine("missing.json")));
    }

    [Fact]
    public void FillDays_PutsEveryDayOfTheWindowOnTheAxis_WithNoSalesOnADayWithoutReceipts()
    {
        DaySales[] sales = [new("2024-12-24", 100, 2, "Christmas Eve"), new("2024-12-26", 50, 1, "Boxing Day")];

        var days = DatasetInsights.FillDays(sales, new DateOnly(2024, 12, 24), 3);

        Assert.Equal(["2024-12-24", "2024-12-25", "2024-12-26"], days.Select(d => d.Date));
        Assert.Equal([100.0, 0, 50], days.Select(d => d.Sales));
        Assert.Equal("Christmas Day", days[1].Holiday);
    }

    private static string Json(DatasetInsights insights) => JsonSerializer.Serialize(insights);

    public void Dispose() => _temp.Dispose();
}
