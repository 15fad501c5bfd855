using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class OutputModeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task SqliteMode_WritesTheDatabaseAndManifest_ButNoCsv()
    {
        var dir = _temp.Combine("sqlite");
        var manifest = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Sqlite,
            },
            dir,
            cancellationToken: TestContext.Current.CancellationToken
        );

        Assert.True(File.Exists(Path.Combine(dir, "retail.db")));
        Assert.True(File.Exists(Path.Combine(dir, "manifest.json")));
        Assert.False(Directory.Exists(Path.Combine(dir, "csv")));
        Assert.Equal(
            ["manifest.json", "overview.json", "retail.db"],
            Directory.GetFiles(dir).Select(Path.GetFileName).Order().ToArray()
        );
        Assert.Equal(["overview.json", "retail.db"], manifest.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task CsvMode_WritesOneCsvPerTableAndTheManifest_ButNoDatabase()
    {
        var dir = _temp.Combine("csv");
        var manifest = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
            },
            dir,
            cancellationToken: TestContext.Current.CancellationToken
        );

        Assert.False(File.Exists(Path.Combine(dir, "retail.db")));
        Assert.Equal(
            Tables.All.Select(t => t.CsvFile).Append("datapackage.json").Order(),
            Directory.GetFiles(Path.Combine(dir, "csv")).Select(Path.GetFileName).Order()
        );
        Assert.Equal(Tables.All.Count + 2, manifest.Files.Count);
        Assert.Contains(manifest.Files, f => f.Path == "overview.json");
        Assert.All(
            Tables.All,
            t =>
                Assert.Equal(
                    manifest.Tables.Single(m => m.Name == t.Name).RowCount,
                    File.ReadLines(TestRuns.CsvPath(dir, t)).Count() - 1
                )
        );
    }

    [Fact]
    public async Task Csv_UsesInvariantNumbersLowercaseBooleansIsoDates_AndQuotesAddressesWithCommas()
    {
        var dir = _temp.Combine("both");
        await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
            },
            dir,
            cancellationToken: TestContext.Current.CancellationToken
        );

        var product = File.ReadLines(TestRuns.CsvPath(dir, Tables.Products)).Skip(1).First();
        Assert.Matches(
            @",[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},[0-9]+\.[0-9]{2},(true|false),[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            product
        );
        var store = File.ReadLines(TestRuns.CsvPath(dir, Tables.Stores)).Skip(1).First();
        Assert.Matches("^1,S000001,\"[^\"]+, [A-Z]{2} [0-9]{5}\",[0-9]+,[0-9]+$", store);
        var truckLines = File.ReadLines(TestRuns.CsvPath(dir, Tables.Trucks)).ToList();
        Assert.Matches("^[0-9]+,[A-Z]{3}[0-9]{4},(true|false),$", truckLines[^1]);
        var snapshot = File.ReadLines(TestRuns.CsvPath(dir, Tables.DcInventorySnapshots)).Skip(1).First();
        Assert.Matches("^1,1,[0-9]+,[0-9]+,2024-01-01T00:00:00,[0-9]+$", snapshot);
        Assert.Matches(
            @"^[0-9]+,[^,]+,[A-Z]{2},[0-9]{5},",
            File.ReadLines(TestRuns.CsvPath(dir, Tables.Geographies)).Skip(1).First()
        );
    }

    public void Dispose() => _temp.Dispose();
}
