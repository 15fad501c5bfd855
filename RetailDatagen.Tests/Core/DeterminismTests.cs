using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class DeterminismTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task SameSeed_GivesIdenticalHashesAndCsvBytes_WhateverTheThreadCountAndBatchSize()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = TestRuns.Tiny with { Format = OutputFormat.Both };
        var one = await TestRuns.GenerateAsync(
            options with
            {
                Threads = 1,
                BatchSize = 100,
            },
            _temp.Combine("one"),
            cancellationToken: ct
        );
        var two = await TestRuns.GenerateAsync(
            options with
            {
                Threads = 2,
                BatchSize = 777,
            },
            _temp.Combine("two"),
            cancellationToken: ct
        );

        Assert.Equal(Hashes(one), Hashes(two));
        foreach (var table in Tables.All)
        {
            Assert.Equal(
                await File.ReadAllBytesAsync(TestRuns.CsvPath(_temp.Combine("one"), table), ct),
                await File.ReadAllBytesAsync(TestRuns.CsvPath(_temp.Combine("two"), table), ct)
            );
        }
    }

    [Fact]
    public async Task SameSeed_GivesTheSameRows_WhicheverOutputFormatIsChosen()
    {
        var ct = TestContext.Current.CancellationToken;
        var sqlite = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Sqlite,
            },
            _temp.Combine("sqlite"),
            cancellationToken: ct
        );
        var csv = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
                Threads = 1,
            },
            _temp.Combine("csv"),
            cancellationToken: ct
        );

        Assert.Equal(Hashes(sqlite), Hashes(csv));
    }

    [Fact]
    public async Task AnotherSeed_ChangesEveryGeneratedTable()
    {
        var ct = TestContext.Current.CancellationToken;
        var a = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
                Seed = 1,
            },
            _temp.Combine("a"),
            cancellationToken: ct
        );
        var b = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
                Seed = 2,
            },
            _temp.Combine("b"),
            cancellationToken: ct
        );

        var hashesA = Hashes(a);
        var hashesB = Hashes(b);
        foreach (var table in Tables.All.Where(t => a.Tables.Single(m => m.Name == t.Name).RowCount > 0))
        {
            Assert.NotEqual(hashesA[table.Name], hashesB[table.Name]);
        }

        Assert.True(a.Tables.Count(t => t.RowCount > 0) >= 16);
    }

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Hashes(RunManifest manifest) =>
        manifest.Tables.ToDictionary(t => t.Name, t => t.ContentHash);
}
