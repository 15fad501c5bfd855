using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Downloads;

/// <summary>The app over the shared small dataset's output root.</summary>
public sealed class DatasetApp(SmallDataset dataset) : IAsyncDisposable
{
    public AppFactory Factory { get; } = new(dataset.OutputRoot);

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}

public sealed class DownloadEndpointsTests(SmallDataset dataset, DatasetApp app) : IClassFixture<DatasetApp>
{
    private CancellationToken Token => TestContext.Current.CancellationToken;

    private string Base => $"/downloads/{dataset.RunId}";

    [Fact]
    public async Task Database_OfARun_IsTheWholeFileAsAnSqliteAttachment()
    {
        using var response = await app.Factory.CreateClient().GetAsync($"{Base}/retail.db", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.sqlite3", response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, "retail.db");
        Assert.Contains("bytes", response.Headers.AcceptRanges);
        Assert.Equal(
            Hash(await File.ReadAllBytesAsync(dataset.DatabasePath, Token)),
            Hash(await response.Content.ReadAsByteArrayAsync(Token))
        );
    }

    [Fact]
    public async Task Database_RangeRequest_Returns206WithJustThatSlice()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Base}/retail.db");
        request.Headers.Range = new RangeHeaderValue(0, 15);

        using var response = await app.Factory.CreateClient().SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(new FileInfo(dataset.DatabasePath).Length, response.Content.Headers.ContentRange?.Length);
        Assert.Equal("SQLite format 3\0"u8.ToArray(), await response.Content.ReadAsByteArrayAsync(Token));
    }

    public static TheoryData<string> CsvFiles() => [.. Tables.All.Select(t => t.CsvFile)];

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task Csv_OfEachTable_IsTheFileAsACsvAttachment(string csvFile)
    {
        using var response = await app.Factory.CreateClient().GetAsync($"{Base}/csv/{csvFile}", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, csvFile);
        var expected = await File.ReadAllBytesAsync(
            Path.Combine(dataset.RunFolderPath, RunFolder.CsvFolder, csvFile),
            Token
        );
        Assert.Equal(Hash(expected), Hash(await response.Content.ReadAsByteArrayAsync(Token)));
    }

    [Fact]
    public async Task Manifest_OfARun_IsItsJson()
    {
        using var response = await app.Factory.CreateClient().GetAsync($"{Base}/manifest.json", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, "manifest.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(dataset.RunId, json.RootElement.GetProperty("runId").GetString());
    }

    [Fact]
    public async Task CsvZip_OfARun_HoldsEveryCsvFileByteForByte()
    {
        using var response = await app.Factory.CreateClient().GetAsync($"{Base}/csv.zip", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        AssertAttachment(response, $"{dataset.RunId}-csv.zip");
        await using var zip = new ZipArchive(
            new MemoryStream(await response.Content.ReadAsByteArrayAsync(Token)),
            ZipArchiveMode.Read
        );
        Assert.Equal(
            Tables.All.Select(t => t.CsvFile).Append("datapackage.json").Order(),
            zip.Entries.Select(e => e.FullName).Order()
        );
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            await using (var stream = await entry.OpenAsync(Token))
            {
                await stream.CopyToAsync(content, Token);
            }

            var expected = await File.ReadAllBytesAsync(
                Path.Combine(dataset.RunFolderPath, RunFolder.CsvFolder, entry.FullName),
                Token
            );
            Assert.Equal(Hash(expected), Hash(content.ToArray()));
        }
    }

    public static TheoryData<string> NotArtifacts() =>
        [
            "/downloads/20991231-235959-ffff/retail.db",
            "/downloads/not-a-run/retail.db",
            "/downloads/{run}/csv/secrets.csv",
            "/downloads/{run}/csv/appsettings.csv",
            "/downloads/{run}/csv/CUSTOMERS.csv",
            "/downloads/{run}/csv/customers.txt",
            "/downloads/{run}/other.db",
            "/downloads/{run}/csv/../manifest.csv",
            "/downloads/{run}/../{run}/retail.db",
            "/downloads/../retail.db",
            "/downloads/{run}/csv/..%2Fmanifest.csv",
            "/downloads/{run}/csv/..%2F..%2F{run}%2Fretail.csv",
            "/downloads/{run}/csv/%2Fetc%2Fpasswd.csv",
            "/downloads/{run}/csv/..\\..\\manifest.csv",
            "/downloads/%2Fetc/retail.db",
            "/downloads/..%2F{run}/retail.db",
            "/downloads/{run}%2F..%2F{run}/manifest.json",
            "/downloads/{run}/csv/%2e%2e%2fretail.csv",
        ];

    [Theory]
    [MemberData(nameof(NotArtifacts))]
    public async Task Download_OfAnythingButAnArtifactOfThatRun_Is404(string path)
    {
        // Sent as the raw path the app sees, without the client's or Kestrel's own normalisation of dot segments.
        var context = await app.Factory.Server.SendAsync(
            c =>
            {
                c.Request.Method = HttpMethods.Get;
                c.Request.Path = new PathString(path.Replace("{run}", dataset.RunId, StringComparison.Ordinal));
            },
            Token
        );

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.Null(context.Response.Headers.ContentDisposition.FirstOrDefault());
    }

    [Theory]
    [InlineData("/downloads/{run}/csv/%2e%2e%2f%2e%2e%2fappsettings.csv")]
    [InlineData("/downloads/{run}/csv/..%5Cmanifest.csv")]
    [InlineData("/downloads/%2e%2e/retail.db")]
    public async Task Download_EncodedTraversalThroughTheHttpClient_Is404(string path)
    {
        using var response = await app
            .Factory.CreateClient()
            .GetAsync(path.Replace("{run}", dataset.RunId, StringComparison.Ordinal), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Download_FileInTheRunFolderButNotInItsManifest_Is404()
    {
        // A SQLite-only run with a CSV file dropped into its folder afterwards: the manifest is the allow-list.
        using var temp = new TempDirectory();
        var manifest = await TestRuns.WriteAsync(temp.Path, TestRuns.Tiny with { Format = OutputFormat.Sqlite });
        var csvFolder = Path.Combine(temp.Path, manifest.RunId, RunFolder.CsvFolder);
        Directory.CreateDirectory(csvFolder);
        await File.WriteAllTextAsync(Path.Combine(csvFolder, Tables.Customers.CsvFile), "ID\n1\n", Token);
        await using var factory = new AppFactory(temp.Path);
        var client = factory.CreateClient();

        using var csv = await client.GetAsync($"/downloads/{manifest.RunId}/csv/{Tables.Customers.CsvFile}", Token);
        using var zip = await client.GetAsync($"/downloads/{manifest.RunId}/csv.zip", Token);
        using var database = await client.GetAsync($"/downloads/{manifest.RunId}/retail.db", Token);

        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, zip.StatusCode);
        Assert.Equal(HttpStatusCode.OK, database.StatusCode);
    }

    private static void AssertAttachment(HttpResponseMessage response, string fileName)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileName?.Trim('"'));
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));
}
