using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.Downloads;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Workbench;

/// <summary>The JSON API's contract (status codes and shapes) over the real app and the shared small dataset.</summary>
public sealed class ApiEndpointsTests(SmallDataset dataset, DatasetApp app) : IClassFixture<DatasetApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Run => $"/api/runs/{dataset.RunId}";

    [Fact]
    public async Task Runs_ListsTheFinishedRun()
    {
        var runs = await GetJsonAsync("/api/runs", HttpStatusCode.OK);

        var run = runs.AsArray().Single(r => (string?)r!["runId"] == dataset.RunId)!;
        Assert.Equal("Completed", (string?)run["status"]);
        Assert.Equal(dataset.Manifest.TotalRows, (long)run["totalRows"]!);
        Assert.True((bool)run["hasDatabase"]!);
    }

    [Fact]
    public async Task Run_ReturnsItsManifest_AndAnUnknownRunIs404WithAnError()
    {
        var run = await GetJsonAsync(Run, HttpStatusCode.OK);
        var missing = await GetJsonAsync("/api/runs/20990101-000000-0000", HttpStatusCode.NotFound);

        Assert.Equal(dataset.RunId, (string?)run["runId"]);
        Assert.Equal(dataset.Manifest.Tables.Count, run["tables"]!.AsArray().Count);
        Assert.Contains("20990101-000000-0000", (string?)missing["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TablePage_WithSortAndFilters_MatchesDirectSql()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);

        var page = await GetJsonAsync(
            $"{Run}/tables/fact_receipts?page=2&size=10&sort=-Total&filter=TenderType~eq~CASH&filter=Total~gt~20",
            HttpStatusCode.OK
        );

        Assert.Equal(
            db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE TenderType = 'CASH' AND Total > 20"),
            (long)page["totalRows"]!
        );
        Assert.Equal(Tables.Receipts.Columns, page["columns"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(
            db.Rows(
                    "SELECT ReceiptId FROM fact_receipts WHERE TenderType = 'CASH' AND Total > 20 ORDER BY Total "
                        + "DESC, ReceiptId LIMIT 10 OFFSET 10"
                )
                .Select(r => (string?)r[0]),
            page["rows"]!.AsArray().Select(r => (string?)r![0])
        );
        Assert.Equal(2, (int)page["page"]!);
    }

    [Theory]
    [InlineData(
        "/tables/fact_receipts?sort=Nope",
        HttpStatusCode.BadRequest,
        "'Nope' is not a column of fact_receipts."
    )]
    [InlineData(
        "/tables/fact_receipts?filter=Total",
        HttpStatusCode.BadRequest,
        "filter 'Total' is not Column~op~value"
    )]
    [InlineData("/tables/fact_receipts?size=5000", HttpStatusCode.BadRequest, "size between 1 and 1000")]
    [InlineData("/tables/no_such_table", HttpStatusCode.NotFound, "has no database table no_such_table")]
    public async Task TablePage_BadRequests_AreRefusedWithAnError(string path, HttpStatusCode status, string error)
    {
        var body = await GetJsonAsync(Run + path, status);

        Assert.Contains(error, (string?)body["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_ReturnsColumnsRowsTruncatedAndElapsed()
    {
        var body = await GetJsonAsync(
            $"{Run}/sql?q={Uri.EscapeDataString("SELECT ID, StoreNumber FROM dim_stores ORDER BY ID")}",
            HttpStatusCode.OK
        );

        Assert.Equal(["ID", "StoreNumber"], body["columns"]!.AsArray().Select(c => (string?)c));
        Assert.Equal(SmallDataset.Options.Stores, body["rows"]!.AsArray().Count);
        Assert.Equal(1, (long)body["rows"]![0]![0]!);
        Assert.False((bool)body["truncated"]!);
        Assert.True((double)body["elapsedMs"]! >= 0);
        Assert.InRange((double)body["firstRowMs"]!, 0, (double)body["elapsedMs"]!);
    }

    [Theory]
    [InlineData("DROP TABLE dim_stores", "Not allowed: DROP TABLE")]
    [InlineData("SELECT * FORM dim_stores", "syntax error")]
    public async Task Sql_DeniedOrInvalid_Is400WithAnError(string sql, string error)
    {
        var body = await GetJsonAsync($"{Run}/sql?q={Uri.EscapeDataString(sql)}", HttpStatusCode.BadRequest);

        Assert.Contains(error, (string?)body["error"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_InvalidQuery_Is400WithTheLineAndColumn()
    {
        var body = await GetJsonAsync(
            $"{Run}/sql?q={Uri.EscapeDataString("SELECT ID\nFROM dim_stores WHERE Nope = 1")}",
            HttpStatusCode.BadRequest
        );

        Assert.Equal("No such column: Nope (line 2, column 23).", (string?)body["error"]);
        Assert.Equal(2, (int)body["line"]!);
        Assert.Equal(23, (int)body["column"]!);
    }

    [Fact]
    public async Task Sql_PastTheTimeLimit_Is408WithAClearError_AndAnExportErrorIs400()
    {
        await using var limited = Limited();
        using var client = limited.CreateClient();

        using var slow = await client.GetAsync(
            $"{Run}/sql?q={Uri.EscapeDataString(Endless + " SELECT COUNT(*) FROM r")}",
            Token
        );
        using var denied = await client.GetAsync(
            $"{Run}/sql/export?q={Uri.EscapeDataString("DELETE FROM dim_stores")}",
            Token
        );

        Assert.Equal(HttpStatusCode.RequestTimeout, slow.StatusCode);
        Assert.Equal(
            "The query ran longer than the time limit of 0.3 s and was stopped.",
            (string?)JsonNode.Parse(await slow.Content.ReadAsStringAsync(Token))!["error"]
        );
        Assert.Equal(HttpStatusCode.BadRequest, denied.StatusCode);
        Assert.StartsWith(
            "Not allowed: DELETE",
            (string?)JsonNode.Parse(await denied.Content.ReadAsStringAsync(Token))!["error"],
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task SqlExport_SendsTheFirstRowWhileTheQueryStillRuns_AndStopsItWhenTheClientLeaves()
    {
        // One row, then a scan that never finds another: the row can only arrive if the export streams it.
        const string sql = Endless + " SELECT x FROM r WHERE x = 1 OR x < 0";
        await using var limited = Limited();
        using var client = limited.CreateClient();

        using (
            var response = await client.GetAsync(
                $"{Run}/sql/export?format=csv&q={Uri.EscapeDataString(sql)}",
                HttpCompletionOption.ResponseHeadersRead,
                Token
            )
        )
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));
            Assert.Equal("x", await reader.ReadLineAsync(Token));
            Assert.Equal("1", await reader.ReadLineAsync(Token));
        }

        // The only query slot is free again: leaving interrupted the endless query.
        using var next = await client.GetAsync($"{Run}/sql?q=SELECT%201", Token);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task SqlExport_StreamsTheFullResultAsCsvAndJson()
    {
        const string sql = "SELECT ID, LastName FROM dim_customers ORDER BY ID";
        using var client = app.Factory.CreateClient();

        var csv = await client.GetStringAsync($"{Run}/sql/export?format=csv&q={Uri.EscapeDataString(sql)}", Token);
        var json = JsonNode.Parse(
            await client.GetStringAsync($"{Run}/sql/export?format=json&q={Uri.EscapeDataString(sql)}", Token)
        )!;

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("ID,LastName", lines[0]);
        Assert.Equal(SmallDataset.Options.Customers + 1, lines.Length);
        Assert.Equal(SmallDataset.Options.Customers, json["rows"]!.AsArray().Count);
        Assert.Equal(["ID", "LastName"], json["columns"]!.AsArray().Select(c => (string?)c));
    }

    [Fact]
    public async Task TableExport_IsTheFilteredViewAsCsv()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        using var client = app.Factory.CreateClient();

        var csv = await client.GetStringAsync(
            $"{Run}/tables/fact_receipts/export.csv?filter=TenderType~eq~MOBILE_PAY",
            Token
        );

        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', Tables.Receipts.Columns), lines[0].TrimEnd('\r'));
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE TenderType = 'MOBILE_PAY'"), lines.Length - 1);
        var tender = Tables.Receipts.Columns.ToList().IndexOf("TenderType");
        Assert.All(lines.Skip(1), l => Assert.Equal("MOBILE_PAY", l.TrimEnd('\r').Split(',')[tender]));
    }

    [Fact]
    public async Task OpenApi_DescribesEveryApiEndpoint_AndTheReferencePageListsThem()
    {
        using var client = app.Factory.CreateClient();

        var document = await GetJsonAsync("/openapi/v1.json", HttpStatusCode.OK);
        var page = await client.GetStringAsync("/api-reference", Token);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/runs", paths);
        Assert.Contains("/api/runs/{runId}", paths);
        Assert.Contains("/api/runs/{runId}/tables/{table}", paths);
        Assert.Contains("/api/runs/{runId}/sql", paths);
        Assert.Contains("GET /api/runs/{runId}/sql", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataPackage_IsDownloadableAndInsideTheCsvZip()
    {
        using var client = app.Factory.CreateClient();

        var package = await GetJsonAsync($"/downloads/{dataset.RunId}/datapackage.json", HttpStatusCode.OK);
        await using var zipStream = await client.GetStreamAsync($"/downloads/{dataset.RunId}/csv.zip", Token);
        using var buffer = new MemoryStream();
        await zipStream.CopyToAsync(buffer, Token);
        using var zip = new ZipArchive(buffer);

        Assert.Equal("tabular-data-package", (string?)package["profile"]);
        Assert.Contains(zip.Entries, e => e.FullName == "datapackage.json");
    }

    private const string Endless = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)";

    // One query at a time and a short limit (exports keep their own, longer limit).
    private WebApplicationFactory<Program> Limited() =>
        app.Factory.WithWebHostBuilder(b =>
            b.UseSetting("RetailDatagen:Sql:TimeLimitSeconds", "0.3")
                .UseSetting("RetailDatagen:Sql:MaxConcurrentQueries", "1")
        );

    private async Task<JsonNode> GetJsonAsync(string url, HttpStatusCode expected)
    {
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(url, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(expected == response.StatusCode, $"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions())!;
    }
}
