using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Configuration;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Runs;

/// <summary>Manifests edited, truncated or replaced on disk: every one is a Damaged run, never an error page.</summary>
public sealed class DamagedRunTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Root => _temp.Combine("output");

    public static TheoryData<string, string, string> ManifestEdits() =>
        new()
        {
            { "files", "null", "file list" },
            { "files", "[null]", "file list" },
            { "files", """[{ "path": null, "bytes": 10 }]""", "file list" },
            { "tables", "null", "table list" },
            { "tables", "[null]", "table list" },
            { "options", "null", "no options" },
            { "quality", "null", "quality" },
            { "realism", "null", "quality or realism" },
            { "runId", "\"../../etc\"", "runId" },
            { "seed", "\"seven\"", "not a valid run manifest" },
        };

    [Theory]
    [MemberData(nameof(ManifestEdits))]
    public async Task Manifest_WithAMalformedField_IsDamagedWithTheReason_AndServesNothingOverHttp(
        string field,
        string json,
        string reason
    )
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var manifestPath = Path.Combine(Root, run.RunId, RunManifest.FileName);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(manifestPath, Token))!.AsObject();
        manifest[field] = JsonNode.Parse(json);
        await File.WriteAllTextAsync(manifestPath, manifest.ToJsonString(), Token);

        await AssertDamagedEverywhereAsync(run.RunId, reason);
    }

    [Fact]
    public async Task Manifest_ThatIsNotJson_IsDamaged_ListedUnderItsFolderName_AndDeletable()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await File.WriteAllTextAsync(
            Path.Combine(Root, run.RunId, RunManifest.FileName),
            "\u0000\u0001 binary junk",
            Token
        );

        await AssertDamagedEverywhereAsync(run.RunId, "not a valid run manifest");

        Assert.Equal(DeleteOutcome.Deleted, Catalog().Delete(run.RunId));
        Assert.False(Directory.Exists(Path.Combine(Root, run.RunId)));
    }

    [Fact]
    public async Task Run_WhoseDatabaseWasDeleted_IsDamaged_AndItsDownloads404()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        File.Delete(Path.Combine(Root, run.RunId, RunFolder.DatabaseFile));

        await AssertDamagedEverywhereAsync(run.RunId, "retail.db is missing");
    }

    [Fact]
    public async Task Run_WithACsvOfAnotherSize_IsDamaged()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await File.AppendAllTextAsync(
            Path.Combine(Root, run.RunId, RunFolder.CsvFolder, Tables.Customers.CsvFile),
            "1,extra\n",
            Token
        );

        await AssertDamagedEverywhereAsync(run.RunId, $"csv/{Tables.Customers.CsvFile} has");
    }

    [Fact]
    public async Task Retention_LeavesDamagedRunsForTheUser()
    {
        var damaged = await TestRuns.WriteAsync(Root, startedAt: Monday);
        File.Delete(Path.Combine(Root, damaged.RunId, RunFolder.DatabaseFile));
        await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));

        Assert.Empty(Catalog(keepLastRuns: 1).ApplyRetention());
        Assert.True(Directory.Exists(Path.Combine(Root, damaged.RunId)));
    }

    [Fact]
    public async Task Catalog_ParsesEachManifestOnce_AndAgainOnlyAfterItChanged()
    {
        var first = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var second = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));
        var catalog = Catalog();

        Assert.Equal(2, catalog.List().Count);
        Assert.NotNull(catalog.Find(first.RunId));
        Assert.NotNull(catalog.Find(second.RunId));
        Assert.Equal(2, catalog.List().Count);
        Assert.Equal(2, catalog.ManifestReads);

        // Same length, new content: the write time tells the cache the file changed.
        var manifestPath = Path.Combine(Root, first.RunId, RunManifest.FileName);
        var text = await File.ReadAllTextAsync(manifestPath, Token);
        await File.WriteAllTextAsync(
            manifestPath,
            text.Replace("\"preset\": \"custom\"", "\"preset\": \"cust0m\"", StringComparison.Ordinal),
            Token
        );
        File.SetLastWriteTimeUtc(manifestPath, DateTime.UtcNow.AddMinutes(1));

        Assert.Equal("cust0m", catalog.Find(first.RunId)?.Manifest.Preset);
        Assert.Equal(3, catalog.ManifestReads);

        // A file deleted after the manifest was cached: still noticed (the listed files are checked on every look-up).
        File.Delete(Path.Combine(Root, second.RunId, RunFolder.DatabaseFile));
        Assert.Null(catalog.Find(second.RunId));
        Assert.Equal(RunStatus.Damaged, catalog.List().Single(r => r.RunId == second.RunId).Status);
        Assert.Equal(3, catalog.ManifestReads);
    }

    public void Dispose() => _temp.Dispose();

    private async Task AssertDamagedEverywhereAsync(string runId, string reason)
    {
        var catalog = Catalog();
        var listed = Assert.Single(catalog.List());
        Assert.Equal((runId, RunStatus.Damaged), (listed.RunId, listed.Status));
        Assert.Contains(reason, listed.Error, StringComparison.Ordinal);
        Assert.Null(catalog.Find(runId));
        Assert.Contains(reason, catalog.FindDamaged(runId)?.Reason, StringComparison.Ordinal);

        await using var app = new AppFactory(Root);
        var client = app.CreateClient();
        using var runs = await client.GetAsync("/runs", Token);
        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        var html = await runs.Content.ReadAsStringAsync(Token);
        Assert.Contains("Damaged", html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(reason), html, StringComparison.Ordinal);

        using var page = await client.GetAsync($"/runs/{runId}", Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(
            "data-testid=\"run-damaged\"",
            await page.Content.ReadAsStringAsync(Token),
            StringComparison.Ordinal
        );

        foreach (var path in new[] { "retail.db", "manifest.json", "csv.zip", $"csv/{Tables.Customers.CsvFile}" })
        {
            using var download = await client.GetAsync($"/downloads/{runId}/{path}", Token);
            Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        }

        using var results = await client.GetAsync($"/runs/{runId}/results", Token);
        Assert.Equal(HttpStatusCode.OK, results.StatusCode);
    }

    private RunCatalog Catalog(int keepLastRuns = 20) =>
        new(
            Options.Create(new RetailDatagenSettings { OutputRoot = Root, KeepLastRuns = keepLastRuns }),
            new FakeRunCoordinator(),
            new TableBrowser(),
            NullLogger<RunCatalog>.Instance
        );
}
