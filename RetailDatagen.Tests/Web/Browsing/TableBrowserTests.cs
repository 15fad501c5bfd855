using System.Globalization;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Model;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Browsing;

public sealed class TableBrowserTests(SmallDataset dataset)
{
    private readonly TableBrowser _browser = new();

    private CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Query_FirstPage_ReturnsRowsInKeyOrderAndTheRowCount()
    {
        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery { Table = Tables.Customers, Limit = 25 },
            Token
        );

        Assert.Equal(SmallDataset.Options.Customers, page.TotalRows);
        Assert.Equal(
            Enumerable.Range(1, 25).Select(i => i.ToString(CultureInfo.InvariantCulture)),
            page.Rows.Select(r => r[0])
        );
        Assert.All(page.Rows, r => Assert.Equal(Tables.Customers.Columns.Count, r.Count));
    }

    [Theory]
    [InlineData(25, 25)]
    [InlineData(0, 250)]
    [InlineData(9_975, 25)]
    [InlineData(5_000, 100)]
    public async Task Query_AnyPage_ReturnsTheRowsOfThatPage(long offset, int limit)
    {
        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery
            {
                Table = Tables.Customers,
                Offset = offset,
                Limit = limit,
            },
            Token
        );

        var expected = Enumerable.Range((int)offset + 1, limit).Select(i => i.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected, page.Rows.Select(r => r[0]));
    }

    [Fact]
    public async Task Query_PastTheEnd_ReturnsNoRowsAndTheCount()
    {
        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery { Table = Tables.Stores, Offset = 1_000 },
            Token
        );

        Assert.Empty(page.Rows);
        Assert.Equal(SmallDataset.Options.Stores, page.TotalRows);
    }

    public static TheoryData<string, string, bool> SortCases() =>
        new()
        {
            { Tables.Customers.Name, "LastName", false },
            { Tables.Customers.Name, "FirstName", true },
            { Tables.Customers.Name, "GeographyID", false },
            { Tables.Products.Name, "SalePrice", true },
            { Tables.Products.Name, "Department", false },
            { Tables.StoreInventorySnapshots.Name, "CurrentQuantity", false },
            { Tables.StoreInventorySnapshots.Name, "ProductID", true },
            { Tables.StoreInventorySnapshots.Name, "LastUpdated", true },
            { Tables.Trucks.Name, "DCID", false },
        };

    [Theory]
    [MemberData(nameof(SortCases))]
    public async Task Query_SortedByAColumn_EveryPageMatchesTheSortedTable(
        string tableName,
        string column,
        bool descending
    )
    {
        var table = Tables.FindByName(tableName)!;
        var expected = ReadAllSorted(table, column, descending);
        var pageSize = Math.Clamp(expected.Count / 7, 1, TableBrowser.MaxPageSize);

        var all = new List<string>();
        for (long offset = 0; offset < expected.Count; offset += pageSize)
        {
            var page = await _browser.QueryAsync(
                dataset.DatabasePath,
                new TableQuery
                {
                    Table = table,
                    Offset = offset,
                    Limit = pageSize,
                    SortColumn = column,
                    Descending = descending,
                },
                Token
            );
            all.AddRange(page.Rows.Select(r => string.Join('|', r)));
        }

        Assert.Equal(expected, all);
    }

    [Fact]
    public async Task Query_Search_MatchesTextColumnsAndCountsTheMatches()
    {
        var lastName = (
            await _browser.QueryAsync(
                dataset.DatabasePath,
                new TableQuery { Table = Tables.Customers, Limit = 1 },
                Token
            )
        ).Rows[0][2]!;

        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery
            {
                Table = Tables.Customers,
                Limit = 250,
                Search = lastName.ToUpperInvariant(),
            },
            Token
        );

        Assert.NotEmpty(page.Rows);
        Assert.All(
            page.Rows,
            r => Assert.Contains(r, v => v is not null && v.Contains(lastName, StringComparison.OrdinalIgnoreCase))
        );
        Assert.Equal(
            CountWhere(
                Tables.Customers,
                $"FirstName LIKE '%{lastName}%' OR LastName LIKE '%{lastName}%' OR Address LIKE '%{lastName}%'"
            ),
            page.TotalRows
        );
    }

    [Fact]
    public async Task Query_NumericSearch_MatchesIntegerColumnsExactly()
    {
        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery
            {
                Table = Tables.StoreInventorySnapshots,
                Limit = 1_000,
                Search = "7",
            },
            Token
        );

        Assert.Equal(
            CountWhere(
                Tables.StoreInventorySnapshots,
                "StoreID = 7 OR ProductID = 7 OR CurrentQuantity = 7 OR ReorderPoint = 7 OR LastUpdated LIKE '%7%' "
                    + "OR OrderUpTo = 7"
            ),
            page.TotalRows
        );
        Assert.All(page.Rows, r => Assert.Contains("7", r));
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("\"; DROP TABLE dim_customers; --")]
    [InlineData("%")]
    [InlineData("_")]
    public async Task Query_SearchWithSqlOrWildcards_IsTakenLiterally(string search)
    {
        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery { Table = Tables.Customers, Search = search },
            Token
        );

        Assert.Equal(0, page.TotalRows);
        Assert.Equal(
            SmallDataset.Options.Customers,
            await _browser.CountAsync(dataset.DatabasePath, Tables.Customers, null, Token)
        );
    }

    [Theory]
    [InlineData("ID; DROP TABLE dim_customers")]
    [InlineData("Nope")]
    [InlineData("StoreID")]
    public async Task Query_SortColumnNotOfTheTable_IsRejected(string column) =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            _browser.QueryAsync(
                dataset.DatabasePath,
                new TableQuery { Table = Tables.Customers, SortColumn = column },
                Token
            )
        );

    [Fact]
    public async Task Query_MissingDatabase_ThrowsFileNotFound() =>
        await Assert.ThrowsAsync<FileNotFoundException>(() =>
            _browser.QueryAsync(
                Path.Combine(dataset.OutputRoot, "missing.db"),
                new TableQuery { Table = Tables.Customers },
                Token
            )
        );

    private List<string> ReadAllSorted(TableInfo table, string column, bool descending)
    {
        // The reference: every row read in key order, then a stable sort on the column by its kind, so ties keep key
        // order.
        var rows = new List<IReadOnlyList<string?>>();
        for (long offset = 0; ; offset += TableBrowser.MaxPageSize)
        {
            var page = _browser
                .QueryAsync(
                    dataset.DatabasePath,
                    new TableQuery
                    {
                        Table = table,
                        Offset = offset,
                        Limit = TableBrowser.MaxPageSize,
                    },
                    Token
                )
                .GetAwaiter()
                .GetResult();
            rows.AddRange(page.Rows);
            if (rows.Count >= page.TotalRows)
            {
                break;
            }
        }

        var index = table.Columns.ToList().IndexOf(column);
        var numeric =
            table.Kinds[index]
            is ColumnKind.Integer
                or ColumnKind.NullableInteger
                or ColumnKind.Money
                or ColumnKind.Coordinate;
        var comparer = Comparer<string?>.Create(
            (a, b) => numeric ? Nullable.Compare(Parse(a), Parse(b)) : string.CompareOrdinal(a, b)
        );
        var sorted = descending
            ? rows.OrderByDescending(r => r[index], comparer)
            : rows.OrderBy(r => r[index], comparer);
        return [.. sorted.Select(r => string.Join('|', r))];

        static double? Parse(string? text) => text is null ? null : double.Parse(text, CultureInfo.InvariantCulture);
    }

    private long CountWhere(TableInfo table, string where)
    {
        using var connection = new SqliteConnection($"Data Source={dataset.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table.Name}\" WHERE {where}";
        return (long)command.ExecuteScalar()!;
    }
}
