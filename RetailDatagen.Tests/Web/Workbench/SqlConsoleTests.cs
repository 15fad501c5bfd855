using RetailDatagen.Core.Sql;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Workbench;

/// <summary>The read-only, bounded SQL console over the shared small dataset.</summary>
public sealed class SqlConsoleTests(SmallDataset dataset)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> DeniedStatements() =>
        new()
        {
            { "DROP TABLE dim_customers", "DROP TABLE" },
            { "INSERT INTO dim_geographies (ID, City) VALUES (9999, 'X')", "INSERT" },
            { "UPDATE dim_products SET SalePrice = 0", "UPDATE" },
            { "DELETE FROM fact_receipts", "DELETE" },
            { "ATTACH DATABASE '/tmp/other.db' AS other", "ATTACH" },
            { "PRAGMA writable_schema = 1", "PRAGMA writable_schema" },
            { "PRAGMA journal_mode = DELETE", "PRAGMA journal_mode" },
            { "SELECT load_extension('/usr/lib/x')", "load_extension" },
            { "CREATE TEMP TABLE t AS SELECT 1", "CREATE TABLE" },
            { "BEGIN", "a transaction" },
        };

    [Theory]
    [MemberData(nameof(DeniedStatements))]
    public async Task Run_WritesAttachSettingsAndExtensions_AreRefusedAndTheFileIsUnchanged(string sql, string named)
    {
        using var console = new SqlConsole();

        var error = await Assert.ThrowsAsync<SqlConsoleException>(() =>
            console.RunAsync(dataset.DatabasePath, sql, Token)
        );

        Assert.Equal(SqlFailure.Denied, error.Failure);
        Assert.StartsWith("Not allowed: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Equal(dataset.DatabaseHashAsWritten, TestRuns.FileHash(dataset.DatabasePath));
    }

    [Theory]
    [InlineData("WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT COUNT(*) FROM r")]
    [InlineData("SELECT COUNT(*) FROM fact_receipt_lines a, fact_receipt_lines b, fact_receipt_lines c")]
    public async Task Run_RunawayQueries_AreInterruptedAtTheTimeLimitWithAMessage(string sql)
    {
        using var console = new SqlConsole(new SqlConsoleOptions { TimeLimit = TimeSpan.FromMilliseconds(300) });

        var error = await Assert.ThrowsAsync<SqlConsoleException>(() =>
            console.RunAsync(dataset.DatabasePath, sql, Token)
        );

        Assert.Equal(SqlFailure.TimeLimit, error.Failure);
        Assert.Equal("The query ran longer than the time limit of 0.3 s and was stopped.", error.Message);
        Assert.Equal(dataset.DatabaseHashAsWritten, TestRuns.FileHash(dataset.DatabasePath));
    }

    [Fact]
    public async Task Run_ManyRows_KeepsTheDisplayCapAndSaysItWasTruncated()
    {
        using var console = new SqlConsole(new SqlConsoleOptions { MaxDisplayRows = 100 });

        var result = await console.RunAsync(
            dataset.DatabasePath,
            "SELECT ID, LastName FROM dim_customers ORDER BY ID",
            Token
        );

        Assert.Equal(["ID", "LastName"], result.Columns.Select(c => c.Name));
        Assert.Equal(100, result.Rows.Count);
        Assert.True(result.Truncated);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (object)(long)i), result.Rows.Select(r => r[0]!));
        Assert.NotNull(result.FirstRowMs);
        Assert.True(result.FirstRowMs <= result.ElapsedMs);
    }

    [Fact]
    public async Task Execute_FirstRow_ArrivesWhileTheStatementStillRuns_AndCancellingFreesTheSlot()
    {
        // One row, then a scan that never finds another: only a streaming console can hand the row over.
        const string sql =
            "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT x FROM r WHERE x = 1 OR x < 0";
        using var console = new SqlConsole(
            new SqlConsoleOptions { MaxConcurrentQueries = 1, TimeLimit = TimeSpan.FromMinutes(5) }
        );
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var seen = new List<object?>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            console.ExecuteAsync(
                dataset.DatabasePath,
                sql,
                TimeSpan.FromMinutes(5),
                (_, _) => ValueTask.CompletedTask,
                (row, _) =>
                {
                    seen.Add(row[0]);
                    stop.Cancel();
                    return ValueTask.FromResult(true);
                },
                stop.Token
            )
        );
        var next = await console.RunAsync(dataset.DatabasePath, "SELECT 1", Token);

        Assert.Equal([1L], seen);
        Assert.Equal(1L, next.Rows.Single()[0]);
    }

    [Fact]
    public async Task Run_ReadOnlyPragmaAndSchema_AreAllowed()
    {
        using var console = new SqlConsole();

        var columns = await console.RunAsync(dataset.DatabasePath, "PRAGMA table_info(dim_stores)", Token);
        var tables = await console.RunAsync(
            dataset.DatabasePath,
            "SELECT name FROM sqlite_master WHERE type = 'table'",
            Token
        );

        Assert.Equal(["ID", "StoreNumber", "Address", "GeographyID", "DCID"], columns.Rows.Select(r => (string)r[1]!));
        Assert.Contains(tables.Rows, r => (string)r[0]! == "fact_receipts");
        Assert.False(columns.Truncated);
    }

    [Theory]
    [InlineData("SELECT ID FROM dim_stores\nWHERE Nope = 1", "no such column: Nope", 2, 7)]
    [InlineData("SELECT * FROM dim_nothing", "no such table: dim_nothing", 1, 15)]
    [InlineData("SELECT * FORM dim_stores", "near \"FORM\": syntax error", 1, 10)]
    public async Task Run_InvalidSql_SaysWhatAndWhere(string sql, string message, int line, int column)
    {
        using var console = new SqlConsole();

        var error = await Assert.ThrowsAsync<SqlConsoleException>(() =>
            console.RunAsync(dataset.DatabasePath, sql, Token)
        );

        Assert.Equal(SqlFailure.Invalid, error.Failure);
        Assert.Contains(message, error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(new SqlPosition(line, column), error.Position);
        Assert.EndsWith($"(line {line}, column {column}).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_AllSlotsBusy_RefusesWithAMessage()
    {
        using var console = new SqlConsole(
            new SqlConsoleOptions { MaxConcurrentQueries = 1, TimeLimit = TimeSpan.FromSeconds(30) }
        );
        using var release = new SemaphoreSlim(0);
        var holding = console.ExecuteAsync(
            dataset.DatabasePath,
            "SELECT ID FROM dim_customers",
            TimeSpan.FromSeconds(30),
            (_, _) => ValueTask.CompletedTask,
            async (_, token) =>
            {
                await release.WaitAsync(token);
                return false;
            },
            Token
        );

        var error = await Assert.ThrowsAsync<SqlConsoleException>(() =>
            console.RunAsync(dataset.DatabasePath, "SELECT 1", Token)
        );
        release.Release();
        await holding;

        Assert.Equal(SqlFailure.Busy, error.Failure);
        Assert.Equal("The console already runs its limit of 1 queries at once; try again in a moment.", error.Message);
    }

    public static TheoryData<string> Examples() => [.. ExampleQueries.All.Select(q => q.Id)];

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Example_OnTheSmallPreset_ReturnsRows(string id)
    {
        var example = ExampleQueries.Find(id)!;
        using var console = new SqlConsole();

        var result = await console.RunAsync(dataset.DatabasePath, example.Sql, Token);

        Assert.NotEmpty(result.Rows);
        Assert.All(result.Rows, r => Assert.Equal(result.Columns.Count, r.Length));
    }

    [Fact]
    public void Examples_AreAtLeastTwelveWithUniqueIds()
    {
        Assert.True(ExampleQueries.All.Count >= 12, $"{ExampleQueries.All.Count} examples");
        Assert.Equal(ExampleQueries.All.Count, ExampleQueries.All.Select(q => q.Id).Distinct().Count());
    }

    [Fact]
    public async Task Example_TenderMix_MatchesADirectCount()
    {
        using var console = new SqlConsole();
        using var db = TestRuns.Open(dataset.RunFolderPath);

        var result = await console.RunAsync(dataset.DatabasePath, ExampleQueries.Find("tender-mix")!.Sql, Token);

        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM fact_receipts"), result.Rows.Sum(r => (long)r[1]!));
        Assert.Equal(db.Scalar("SELECT COUNT(DISTINCT TenderType) FROM fact_receipts"), result.Rows.Count);
    }
}
