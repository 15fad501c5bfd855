using System.Text.Json;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Web.Cli;

namespace RetailDatagen.Tests.Cli;

public sealed class CliTests : IDisposable
{
    // Runs whose content no assertion reads: as small as the checks allow.
    private static readonly string[] SmallRun =
    [
        "--set",
        "customers=500",
        "--set",
        "products=100",
        "--set",
        "stores=4",
        "--set",
        "days=1",
    ];

    private readonly TempDirectory _temp = new();
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    [Fact]
    public async Task Generate_WritesTheRunFolder_ShowsProgress_AndExitsZero()
    {
        var dir = _temp.Combine("run");

        var exit = await Run(
            "generate",
            "--preset",
            "small",
            "--seed",
            "5",
            "--out",
            dir,
            "--format",
            "both",
            "--threads",
            "2",
            "--set",
            "customers=3000",
            "--set",
            "products=200",
            "--set",
            "stores=6",
            "--set",
            "days=2"
        );

        Assert.Equal(CliApp.Success, exit);
        var manifest = RunManifest.TryRead(Path.Combine(dir, "manifest.json"));
        Assert.NotNull(manifest);
        Assert.Equal(5, manifest.Seed);
        Assert.Equal(3000, manifest.Tables.Single(t => t.Name == "dim_customers").RowCount);
        Assert.Equal("custom", manifest.Preset);
        Assert.Contains(
            "Completed dim_customers",
            System.Text.RegularExpressions.Regex.Replace(_stderr.ToString(), " +", " "),
            StringComparison.Ordinal
        );
        Assert.Contains("Completed:", _stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_ReadsAConfigFile_ThenAppliesSetOnTop()
    {
        var config = _temp.Combine("config.json");
        await File.WriteAllTextAsync(
            config,
            """{ "preset": "small", "customers": 1500, "products": 150, "seed": 11, "format": "sqlite" }""",
            TestContext.Current.CancellationToken
        );
        var dir = _temp.Combine("fromconfig");

        var exit = await Run("generate", "--config", config, "--set", "stores=4", "--out", dir, "--quiet");

        Assert.Equal(CliApp.Success, exit);
        var manifest = RunManifest.TryRead(Path.Combine(dir, "manifest.json"))!;
        Assert.Equal(11, manifest.Seed);
        Assert.Equal(
            (1500L, 4L, 150L),
            (
                manifest.Tables.Single(t => t.Name == "dim_customers").RowCount,
                manifest.Tables.Single(t => t.Name == "dim_stores").RowCount,
                manifest.Tables.Single(t => t.Name == "dim_products").RowCount
            )
        );
        Assert.False(Directory.Exists(Path.Combine(dir, "csv")));
    }

    [Theory]
    [InlineData("customers=0", "customers must be between 1 and 10,000,000")]
    [InlineData("stores=99999", "stores must be between 1 and 5,000")]
    [InlineData("dcInventoryMax=10", "dcInventoryMax must be between dcInventoryMin (50)")]
    [InlineData("distributionCenters=51", "distributionCenters must be between 1 and geographies (50)")]
    [InlineData("nonsense=1", "Unknown option 'nonsense'")]
    [InlineData("customers", "--set expects name=value")]
    public async Task Generate_InvalidSet_ExitsTwo_NamingTheField_AndWritesNothing(string assignment, string expected)
    {
        var dir = _temp.Combine("bad");

        var exit = await Run("generate", "--preset", "small", "--set", assignment, "--out", dir);

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains(expected, _stderr.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("--preset", "huge", "--preset must be one of small, standard")]
    [InlineData("--seed", "-4", "seed must be between 0 and 2,147,483,647")]
    [InlineData("--format", "xml", "format must be one of sqlite, csv, both")]
    [InlineData("--threads", "0", "threads must be between 1 and 64")]
    [InlineData("--colour", "red", "Unknown option '--colour'")]
    public async Task Generate_InvalidArgument_ExitsTwo_WithAClearMessage(string name, string value, string expected)
    {
        var exit = await Run("generate", name, value, "--out", _temp.Combine("x"));

        Assert.Equal(CliApp.InvalidInput, exit);
        Assert.Contains(expected, _stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_RefusesANonEmptyFolder_AndForceReplacesOnlyAnEarlierRun()
    {
        var dir = _temp.Combine("occupied");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "notes.txt"), "keep", TestContext.Current.CancellationToken);

        var refused = await Run(["generate", "--preset", "small", .. SmallRun, "--out", dir, "--quiet"]);
        Assert.Equal(CliApp.InvalidInput, refused);
        Assert.Contains("is not empty", _stderr.ToString(), StringComparison.Ordinal);

        var forcedOverNotes = await Run([
            "generate",
            "--preset",
            "small",
            .. SmallRun,
            "--out",
            dir,
            "--force",
            "--quiet",
        ]);
        Assert.Equal(CliApp.InvalidInput, forcedOverNotes);
        Assert.Contains(
            "--force replaces only an empty folder or an earlier run folder",
            _stderr.ToString(),
            StringComparison.Ordinal
        );
        Assert.Equal(
            "keep",
            await File.ReadAllTextAsync(Path.Combine(dir, "notes.txt"), TestContext.Current.CancellationToken)
        );

        var run = _temp.Combine("earlier-run");
        Assert.Equal(
            CliApp.Success,
            await Run(["generate", "--preset", "small", .. SmallRun, "--set", "seed=1", "--out", run, "--quiet"])
        );
        var forced = await Run([
            "generate",
            "--preset",
            "small",
            .. SmallRun,
            "--set",
            "seed=2",
            "--out",
            run,
            "--force",
            "--quiet",
        ]);
        Assert.Equal(CliApp.Success, forced);
        Assert.Equal(2, RunManifest.TryRead(Path.Combine(run, "manifest.json"))?.Seed);
    }

    [Fact]
    public async Task Bench_WritesBenchJson_WithEveryFigure()
    {
        var dir = _temp.Combine("bench");

        var exit = await Run(
            "bench",
            "--preset",
            "small",
            "--set",
            "customers=2000",
            "--set",
            "products=100",
            "--set",
            "days=2",
            "--out",
            dir
        );

        Assert.Equal(CliApp.Success, exit);
        using var json = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(dir, "bench.json"), TestContext.Current.CancellationToken)
        );
        var root = json.RootElement;
        Assert.Equal(RetailDatagen.Core.Model.Tables.All.Count, root.GetProperty("tables").GetArrayLength());
        Assert.Equal(
            2000,
            root.GetProperty("tables")
                .EnumerateArray()
                .Single(t => t.GetProperty("name").GetString() == "dim_customers")
                .GetProperty("rows")
                .GetInt64()
        );
        foreach (
            var name in new[]
            {
                "generationOnlyRowsPerSecond",
                "writerCeilingRowsPerSecond",
                "ratio",
                "wallSeconds",
                "repeatWallSeconds",
                "peakWorkingSetMB",
            }
        )
        {
            Assert.True(root.GetProperty(name).GetDouble() > 0, name);
        }

        var ceiling = root.GetProperty("writerCeiling");
        Assert.True(ceiling.GetProperty("insertSeconds").GetDouble() > 0);
        Assert.True(ceiling.GetProperty("seconds").GetDouble() >= ceiling.GetProperty("insertSeconds").GetDouble());

        Assert.True(root.GetProperty("total").GetProperty("rowsPerSecond").GetDouble() > 0);
        Assert.Contains("SQLite writer ceiling", _stdout.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _temp.Dispose();
        _stdout.Dispose();
        _stderr.Dispose();
    }

    private Task<int> Run(params string[] args) =>
        CliApp.RunAsync(args, _stdout, _stderr, TestContext.Current.CancellationToken);
}
