using System.Net;
using System.Net.Http.Headers;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Downloads;

/// <summary>
/// Real symbolic links in a real output root, probed over HTTP: a link never leads a download (or the run list)
/// outside the root, even when the file it points to has exactly the listed size.
/// </summary>
public sealed class DownloadSafetyTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Root => _temp.Combine("output");

    private string Outside => Directory.CreateDirectory(_temp.Combine("outside")).FullName;

    [Theory]
    [InlineData(RunFolder.DatabaseFile)]
    [InlineData("csv/customers.csv")]
    public async Task ListedFile_ReplacedByALinkToAFileOutsideTheRoot_Is404_AlsoWithRange_AndInTheZip(string relative)
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var inside = Path.Combine(Root, run.RunId, relative);
        var secret = Path.Combine(Outside, "secret");
        File.Move(inside, secret); // same size as listed: only the link check can refuse it
        File.CreateSymbolicLink(inside, secret);
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();

        using var whole = await client.GetAsync($"/downloads/{run.RunId}/{relative}", Token);
        using var ranged = await SendAsync(
            client,
            HttpMethod.Get,
            $"/downloads/{run.RunId}/{relative}",
            r => r.Headers.Range = new RangeHeaderValue(0, 15)
        );
        using var zip = await client.GetAsync($"/downloads/{run.RunId}/csv.zip", Token);

        Assert.Equal(
            (HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound),
            (whole.StatusCode, ranged.StatusCode, zip.StatusCode)
        );
    }

    [Fact]
    public async Task CsvFolder_ReplacedByALinkToACopyOutsideTheRoot_Is404()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var csv = Path.Combine(Root, run.RunId, RunFolder.CsvFolder);
        var copy = Path.Combine(Outside, "csv");
        Directory.Move(csv, copy);
        Directory.CreateSymbolicLink(csv, copy);
        await using var app = new AppFactory(Root);

        using var response = await app.CreateClient()
            .GetAsync($"/downloads/{run.RunId}/csv/{Tables.Customers.CsvFile}", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task RunFolder_ThatIsALinkToARunOutsideTheRoot_IsNeitherListedNorServed()
    {
        var elsewhere = await TestRuns.WriteAsync(Outside, startedAt: Monday);
        var own = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));
        Directory.CreateSymbolicLink(Path.Combine(Root, "linked"), Path.Combine(Outside, elsewhere.RunId));
        Directory.CreateSymbolicLink(Path.Combine(Root, "alias-of-own"), Path.Combine(Root, own.RunId));
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();

        var runsPage = await client.GetStringAsync("/runs", Token);
        using var database = await client.GetAsync($"/downloads/{elsewhere.RunId}/retail.db", Token);
        using var manifest = await client.GetAsync($"/downloads/{elsewhere.RunId}/manifest.json", Token);

        Assert.DoesNotContain(elsewhere.RunId, runsPage, StringComparison.Ordinal);
        Assert.Contains(own.RunId, runsPage, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (database.StatusCode, manifest.StatusCode));
    }

    [Fact]
    public async Task OutputRoot_ThatIsItselfALink_StillServesItsRuns()
    {
        var real = _temp.Combine("real-root");
        var run = await TestRuns.WriteAsync(real, startedAt: Monday);
        Directory.CreateSymbolicLink(Root, real);
        await using var app = new AppFactory(Root);

        using var response = await app.CreateClient().GetAsync($"/downloads/{run.RunId}/retail.db", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(
            new FileInfo(Path.Combine(real, run.RunId, RunFolder.DatabaseFile)).Length,
            (await response.Content.ReadAsByteArrayAsync(Token)).Length
        );
    }

    [Theory]
    [InlineData("retail.db")]
    [InlineData("manifest.json")]
    [InlineData("csv/customers.csv")]
    [InlineData("csv.zip")]
    public async Task Head_IsAnsweredLikeGet_WithoutABody(string relative)
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();

        using var head = await SendAsync(client, HttpMethod.Head, $"/downloads/{run.RunId}/{relative}");
        using var get = await client.GetAsync($"/downloads/{run.RunId}/{relative}", Token);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Token));
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(
            get.Content.Headers.ContentDisposition?.FileName,
            head.Content.Headers.ContentDisposition?.FileName
        );
        if (relative != "csv.zip")
        {
            Assert.Equal(get.Content.Headers.ContentLength, head.Content.Headers.ContentLength);
            Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        }
    }

    [Fact]
    public async Task Database_HasAnETagAndLastModified_AndAnswersConditionalRequests()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var url = $"/downloads/{run.RunId}/retail.db";
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();

        using var first = await client.GetAsync(url, Token);
        var etag = first.Headers.ETag;
        using var unchanged = await SendAsync(client, HttpMethod.Get, url, r => r.Headers.IfNoneMatch.Add(etag!));

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.Equal(
            new FileInfo(Path.Combine(Root, run.RunId, RunFolder.DatabaseFile)).LastWriteTimeUtc,
            first.Content.Headers.LastModified!.Value.UtcDateTime,
            TimeSpan.FromSeconds(1)
        );
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
    }

    [Fact]
    public async Task Range_FollowsRfc9110_UnknownUnitsAndStaleIfRangeGetTheWholeFile()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var url = $"/downloads/{run.RunId}/retail.db";
        var length = new FileInfo(Path.Combine(Root, run.RunId, RunFolder.DatabaseFile)).Length;
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();
        using var plain = await client.GetAsync(url, Token);
        var etag = plain.Headers.ETag!;

        using var bytes = await SendAsync(
            client,
            HttpMethod.Get,
            url,
            r => r.Headers.Range = new RangeHeaderValue(0, 15)
        );
        using var items = await SendAsync(
            client,
            HttpMethod.Get,
            url,
            r => r.Headers.TryAddWithoutValidation("Range", "items=0-10")
        );
        using var staleIfRange = await SendAsync(
            client,
            HttpMethod.Get,
            url,
            r =>
            {
                r.Headers.Range = new RangeHeaderValue(0, 15);
                r.Headers.TryAddWithoutValidation("If-Range", "\"zzz\"");
            }
        );
        using var currentIfRange = await SendAsync(
            client,
            HttpMethod.Get,
            url,
            r =>
            {
                r.Headers.Range = new RangeHeaderValue(0, 15);
                r.Headers.TryAddWithoutValidation("If-Range", etag.ToString());
            }
        );

        Assert.Equal(HttpStatusCode.PartialContent, bytes.StatusCode);
        Assert.Equal(16, (await bytes.Content.ReadAsByteArrayAsync(Token)).Length);
        Assert.Equal(HttpStatusCode.OK, items.StatusCode);
        Assert.Equal(length, (await items.Content.ReadAsByteArrayAsync(Token)).Length);
        Assert.Equal(HttpStatusCode.OK, staleIfRange.StatusCode);
        Assert.Equal(length, (await staleIfRange.Content.ReadAsByteArrayAsync(Token)).Length);
        Assert.Equal(HttpStatusCode.PartialContent, currentIfRange.StatusCode);
    }

    [Fact]
    public async Task CsvZip_TwoDownloads_AreByteIdentical_WithEntriesDatedAtTheRunStart()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await using var app = new AppFactory(Root);
        var client = app.CreateClient();

        var first = await client.GetByteArrayAsync($"/downloads/{run.RunId}/csv.zip", Token);
        await Task.Delay(TimeSpan.FromSeconds(2.1), Token); // zip times have a 2-second resolution: cross one tick
        var second = await client.GetByteArrayAsync($"/downloads/{run.RunId}/csv.zip", Token);

        Assert.Equal(first, second);
        await using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(first));
        Assert.All(zip.Entries, e => Assert.Equal(Monday.DateTime, e.LastWriteTime.DateTime));
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string url,
        Action<HttpRequestMessage>? configure = null
    )
    {
        using var request = new HttpRequestMessage(method, url);
        configure?.Invoke(request);
        return await client.SendAsync(request, Token);
    }
}
