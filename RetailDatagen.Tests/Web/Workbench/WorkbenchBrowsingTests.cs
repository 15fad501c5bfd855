using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Workbench;

/// <summary>Filters, facets, foreign-key labels, row details, profiles and the run's own documentation.</summary>
public sealed class WorkbenchBrowsingTests(SmallDataset dataset)
{
    private readonly TableBrowser _browser = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> FilterCases() =>
        new()
        {
            { Tables.Receipts.Name, "Total~ge~100", "Total >= 100" },
            { Tables.Receipts.Name, "Total~between~20~30", "round(Total, 2) BETWEEN 20 AND 30" },
            { Tables.Receipts.Name, "TenderType~eq~CASH", "TenderType = 'CASH'" },
            { Tables.Receipts.Name, "TenderType~ne~CASH", "TenderType <> 'CASH'" },
            { Tables.Trucks.Name, "DCID~empty", "DCID IS NULL" },
            { Tables.ReceiptLines.Name, "PromoCode~empty", "(PromoCode IS NULL OR PromoCode = '')" },
            { Tables.Receipts.Name, "StoreID~lt~3", "StoreID < 3" },
            { Tables.Customers.Name, "LastName~starts~Sm", "LastName LIKE 'Sm%'" },
            { Tables.Customers.Name, "Address~contains~Oak", "Address LIKE '%Oak%'" },
            { Tables.Products.Name, "SalePrice~le~5", "SalePrice <= 5" },
            { Tables.Products.Name, "RequiresRefrigeration~eq~true", "RequiresRefrigeration = 1" },
            { Tables.StoreInventoryTxns.Name, "QtyDelta~gt~0", "QtyDelta > 0" },
        };

    [Theory]
    [MemberData(nameof(FilterCases))]
    public async Task Filter_MatchesTheSameRowsAsDirectSql(string tableName, string filterText, string where)
    {
        var table = Tables.FindByName(tableName)!;
        Assert.True(ColumnFilter.TryParse(filterText, out var filter));
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var key = table.KeyColumns[0];

        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery
            {
                Table = table,
                Filters = [filter],
                Limit = 50,
            },
            Token
        );

        var expected = db.Rows($"SELECT \"{key}\" FROM {table.Name} WHERE {where} ORDER BY {table.OrderBy} LIMIT 50");
        Assert.Equal(db.Scalar($"SELECT COUNT(*) FROM {table.Name} WHERE {where}"), page.TotalRows);
        Assert.True(page.TotalRows > 0, "the case should match rows");
        Assert.Equal(
            expected.Select(r => Convert.ToString(r[0], CultureInfo.InvariantCulture)),
            page.Rows.Select(r => r[0])
        );
        Assert.Equal(filterText, filter.Format());
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(0L, true)]
    [InlineData(1_000L, false)]
    [InlineData(-25L, false)]
    public async Task FilteredPage_InKeyOrder_MatchesDirectSqlFromBothEnds(long offset, bool descending)
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        const string where = "StoreID = 3";
        var total = db.Scalar($"SELECT COUNT(*) FROM fact_store_inventory_txn WHERE {where}");
        var from = offset < 0 ? total + offset : offset;
        var query = new TableQuery
        {
            Table = Tables.StoreInventoryTxns,
            Filters = [new ColumnFilter("StoreID", FilterOperator.Equal, "3")],
            Descending = descending,
            Offset = from,
        };

        var page = await _browser.QueryAsync(dataset.DatabasePath, query, Token);

        Assert.True(total > 2_000, $"{total} rows of store 3");
        Assert.Equal(total, page.TotalRows);
        Assert.Equal(
            db.Rows(
                    $"SELECT TraceId FROM fact_store_inventory_txn WHERE {where} ORDER BY "
                        + $"TraceId{(descending ? " DESC" : "")} "
                        + $"LIMIT 25 OFFSET {from}"
                )
                .Select(r => (string)r[0]!),
            page.Rows.Select(r => r[0])
        );
    }

    [Fact]
    public async Task FilteredPage_OfAFileNotStoredInKeyOrder_IsStillInKeyOrder()
    {
        // The same rows written in reverse: rowid order is no longer key order, so paging must not rely on it.
        using var temp = new TempDirectory();
        var path = temp.Combine("retail.db");
        File.Copy(dataset.DatabasePath, path);
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = """
                PRAGMA foreign_keys = OFF;
                CREATE TABLE reversed AS SELECT * FROM fact_receipts ORDER BY ReceiptId DESC;
                DELETE FROM fact_receipts;
                INSERT INTO fact_receipts SELECT * FROM reversed;
                """;
            command.ExecuteNonQuery();
        }

        var query = new TableQuery
        {
            Table = Tables.Receipts,
            Filters = [new ColumnFilter("TenderType", FilterOperator.Equal, "CASH")],
        };
        var page = await new TableBrowser().QueryAsync(path, query, Token);

        using var original = TestRuns.Open(dataset.RunFolderPath);
        Assert.Equal(
            original
                .Rows("SELECT ReceiptId FROM fact_receipts WHERE TenderType = 'CASH' ORDER BY ReceiptId LIMIT 25")
                .Select(r => (string)r[0]!),
            page.Rows.Select(r => r[0])
        );
    }

    [Fact]
    public async Task FiltersSearchInOneColumnAndSort_Combine()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var query = new TableQuery
        {
            Table = Tables.Receipts,
            Filters =
            [
                new ColumnFilter("Total", FilterOperator.Greater, "50"),
                new ColumnFilter("TenderType", FilterOperator.Equal, "CASH"),
            ],
            Search = "2024-01-03",
            SearchColumn = "EventTS",
            SortColumn = "Total",
            Descending = true,
            Limit = 20,
        };

        var page = await _browser.QueryAsync(dataset.DatabasePath, query, Token);

        const string where = "Total > 50 AND TenderType = 'CASH' AND EventTS LIKE '%2024-01-03%'";
        Assert.Equal(db.Scalar($"SELECT COUNT(*) FROM fact_receipts WHERE {where}"), page.TotalRows);
        Assert.Equal(
            db.Rows($"SELECT ReceiptId FROM fact_receipts WHERE {where} ORDER BY Total DESC, ReceiptId LIMIT 20")
                .Select(r => (string)r[0]!),
            page.Rows.Select(r => r[0])
        );
    }

    [Fact]
    public async Task Search_LimitedToOneColumn_IgnoresTheOthers()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var lastName = (string)db.Rows("SELECT LastName FROM dim_customers WHERE ID = 1")[0][0]!;

        var page = await _browser.QueryAsync(
            dataset.DatabasePath,
            new TableQuery
            {
                Table = Tables.Customers,
                Search = lastName,
                SearchColumn = "LastName",
            },
            Token
        );

        Assert.Equal(
            db.Scalar($"SELECT COUNT(*) FROM dim_customers WHERE LastName LIKE '%{lastName}%'"),
            page.TotalRows
        );
    }

    [Theory]
    [InlineData("Nope~eq~1", "'Nope' is not a column of fact_receipts.")]
    [InlineData("Total~ge~lots", "Total needs a number such as 12.50 (got 'lots').")]
    [InlineData("StoreID~eq~x", "StoreID needs a whole number (got 'x').")]
    public async Task Filter_BadColumnOrValue_IsRefusedWithAMessage(string text, string message)
    {
        Assert.True(ColumnFilter.TryParse(text, out var filter));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _browser.QueryAsync(
                dataset.DatabasePath,
                new TableQuery { Table = Tables.Receipts, Filters = [filter] },
                Token
            )
        );

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facets_OfAFilteredView_AreTheTopValuesWithTheirCounts()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var query = new TableQuery
        {
            Table = Tables.Receipts,
            Filters = [new ColumnFilter("StoreID", FilterOperator.Equal, "1")],
        };

        var facets = await _browser.FacetsAsync(dataset.DatabasePath, query, Token);

        var tender = facets.Single(f => f.Column == "TenderType");
        var expected = db.Rows(
            "SELECT TenderType, COUNT(*) FROM fact_receipts WHERE StoreID = 1 GROUP BY 1 ORDER BY 2 DESC, 1"
        );
        Assert.Equal(
            expected.Select(r => ((string)r[0]!, (long)r[1]!)),
            tender.Values.Select(v => (v.Value!, v.Count))
        );
        Assert.DoesNotContain(facets, f => f.Column == "ReceiptId");
    }

    [Fact]
    public async Task Labels_OfForeignKeys_NameTheReferencedRows()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var geography = db.Rows("SELECT ID, City, State FROM dim_geographies ORDER BY ID LIMIT 1")[0];
        var store = db.Rows(
            "SELECT s.ID, s.StoreNumber, g.City, g.State FROM dim_stores s JOIN dim_geographies g ON g.ID = "
                + "s.GeographyID WHERE s.ID = 2"
        )[0];
        var product = db.Rows("SELECT ID, ProductName FROM dim_products WHERE ID = 7")[0];

        var geographies = await _browser.LabelsAsync(
            dataset.DatabasePath,
            new ForeignKeyRef("dim_geographies", "ID"),
            [Text(geography[0]), "999999"],
            Token
        );
        var stores = await _browser.LabelsAsync(
            dataset.DatabasePath,
            new ForeignKeyRef("dim_stores", "ID"),
            ["2"],
            Token
        );
        var products = await _browser.LabelsAsync(
            dataset.DatabasePath,
            new ForeignKeyRef("dim_products", "ID"),
            ["7"],
            Token
        );

        Assert.Equal($"{geography[1]}, {geography[2]}", geographies[Text(geography[0])]);
        Assert.False(geographies.ContainsKey("999999"));
        Assert.Equal($"{store[1]} · {store[2]}, {store[3]}", stores["2"]);
        Assert.Equal((string)product[1]!, products["7"]);
    }

    [Fact]
    public async Task Row_OfACustomer_ShowsTheFullRowAndCountsTheirReceiptsAndOrders()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var id = db.Scalar("SELECT CustomerID FROM fact_receipts WHERE CustomerID IS NOT NULL LIMIT 1");

        var row = await _browser.RowAsync(dataset.DatabasePath, Tables.Customers, "ID", Text(id), Token);

        Assert.NotNull(row);
        var contract = Tables.Customers.Columns.ToList().IndexOf("AdId") + 1;
        Assert.Equal(
            db.Rows($"SELECT * FROM dim_customers WHERE ID = {id}")[0].Take(contract).Select(v => (string?)Text(v)),
            row.Values.Take(contract)
        );
        Assert.Equal(
            db.Scalar($"SELECT COUNT(*) FROM fact_receipts WHERE CustomerID = {id}"),
            row.Related.Single(r => r.Table == Tables.Receipts && r.Column == "CustomerID").Count
        );
        Assert.Equal(
            db.Scalar($"SELECT COUNT(*) FROM fact_online_orders WHERE CustomerID = {id}"),
            row.Related.Single(r => r.Table == Tables.OnlineOrders).Count
        );
    }

    [Fact]
    public async Task Row_OfAReceiptAndATruckMove_CountsLinesAndTheShipmentsMoves()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var receipt = (string)db.Rows("SELECT ReceiptId FROM fact_receipts LIMIT 1")[0][0]!;
        var move = db.Rows("SELECT TraceId, ShipmentId FROM fact_truck_moves LIMIT 1")[0];

        var receiptRow = await _browser.RowAsync(dataset.DatabasePath, Tables.Receipts, "ReceiptId", receipt, Token);
        var moveRow = await _browser.RowAsync(
            dataset.DatabasePath,
            Tables.TruckMoves,
            "TraceId",
            (string)move[0]!,
            Token
        );

        Assert.Equal(
            db.Scalar($"SELECT COUNT(*) FROM fact_receipt_lines WHERE ReceiptId = '{receipt}'"),
            receiptRow!.Related.Single(r => r.Table == Tables.ReceiptLines).Count
        );
        Assert.Equal(6, moveRow!.Related.Single(r => r.Column == "ShipmentId").Count);
        Assert.Null(await _browser.RowAsync(dataset.DatabasePath, Tables.Receipts, "ReceiptId", "nope", Token));
    }

    [Fact]
    public async Task Profile_OfReceipts_MatchesDirectSql()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        var profiler = new ColumnProfiler(new BrowseCache());

        var profiles = await profiler.ProfileAsync(dataset.DatabasePath, Tables.Receipts, Token);
        var again = await profiler.ProfileAsync(dataset.DatabasePath, Tables.Receipts, Token);

        Assert.Same(profiles, again);
        var customer = profiles.Single(p => p.Column == "CustomerID");
        Assert.Equal("integer", customer.Type);
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM fact_receipts WHERE CustomerID IS NULL"), customer.Nulls);
        Assert.Equal(db.Scalar("SELECT COUNT(DISTINCT CustomerID) FROM fact_receipts"), customer.Distinct);
        Assert.False(customer.Approximate);
        var total = profiles.Single(p => p.Column == "Total");
        Assert.Equal(
            ((double)db.Rows("SELECT MIN(Total) FROM fact_receipts")[0][0]!).ToString(
                "0.00",
                CultureInfo.InvariantCulture
            ),
            total.Min
        );
        Assert.Equal(
            ((double)db.Rows("SELECT MAX(Total) FROM fact_receipts")[0][0]!).ToString(
                "0.00",
                CultureInfo.InvariantCulture
            ),
            total.Max
        );
        Assert.Equal(10, total.Histogram.Count);
        Assert.Equal(db.Scalar("SELECT COUNT(*) FROM fact_receipts"), total.Histogram.Sum(b => b.Count));
        var tender = profiles.Single(p => p.Column == "TenderType");
        Assert.Equal(
            db.Rows("SELECT TenderType, COUNT(*) FROM fact_receipts GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5")
                .Select(r => ((string)r[0]!, (long)r[1]!)),
            tender.TopValues.Select(v => (v.Value!, v.Count))
        );
        var days = profiles.Single(p => p.Column == "EventTS").Histogram;
        Assert.Equal(SmallDataset.Options.Days, days.Count);
    }

    [Fact]
    public void Dictionary_DescribesEveryContractColumnAndMatchesTheModelsForeignKeys()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<RetailDbContext>()
            .UseSqlite(connection)
            .Options;
        using var context = new RetailDbContext(options);
        foreach (var table in Tables.All)
        {
            var doc = DataDictionary.Of(table);
            Assert.Equal(table.Columns, doc.Columns.Select(c => c.Name));
            var entity = context.Model.GetEntityTypes().Single(e => e.GetTableName() == table.Name);
            var modelKeys = entity
                .GetForeignKeys()
                .Select(k =>
                    (
                        k.Properties.Single().Name,
                        k.PrincipalEntityType.GetTableName(),
                        k.PrincipalKey.Properties.Single().Name
                    )
                )
                .OrderBy(k => k.Item1, StringComparer.Ordinal);
            var dictionaryKeys = doc
                .Columns.Where(c => c.ForeignKey is not null)
                .Select(c => (c.Name, (string?)c.ForeignKey!.Table, c.ForeignKey.Column))
                .OrderBy(k => k.Item1, StringComparer.Ordinal);
            Assert.Equal(modelKeys, dictionaryKeys);
        }

        Assert.DoesNotContain(
            DataDictionary.Tables.SelectMany(t => t.Columns),
            c => string.IsNullOrWhiteSpace(c.Description)
        );
    }

    [Fact]
    public void Run_WritesMetaColumnsAndADataPackageWithTypedKeysAndForeignKeys()
    {
        using var db = TestRuns.Open(dataset.RunFolderPath);
        Assert.Equal(Tables.All.Sum(t => t.Columns.Count), db.Scalar("SELECT COUNT(*) FROM meta_columns"));
        Assert.Equal(
            "string",
            db.Rows("SELECT Type FROM meta_columns WHERE TableName = 'dim_geographies' AND ColumnName = 'ZipCode'")[0][
                0
            ]
        );
        Assert.Equal(
            ["dim_geographies", "ID"],
            db.Rows(
                "SELECT ReferencesTable, ReferencesColumn FROM meta_columns WHERE TableName = 'dim_stores' AND "
                    + "ColumnName = 'GeographyID'"
            )[0]
        );

        var package = JsonNode.Parse(
            File.ReadAllText(Path.Combine(dataset.RunFolderPath, "csv", RunDocumentation.DataPackageFile))
        )!;
        var resources = package["resources"]!.AsArray();
        Assert.Equal("tabular-data-package", (string?)package["profile"]);
        Assert.Equal(Tables.All.Select(t => t.CsvFile), resources.Select(r => (string?)r!["path"]));
        var geographies = resources.Single(r => (string?)r!["name"] == "dim_geographies")!["schema"]!;
        Assert.Equal(
            "string",
            (string?)geographies["fields"]!.AsArray().Single(f => (string?)f!["name"] == "ZipCode")!["type"]
        );
        Assert.Equal(
            "number",
            (string?)geographies["fields"]!.AsArray().Single(f => (string?)f!["name"] == "Latitude")!["type"]
        );
        var receipts = resources.Single(r => (string?)r!["name"] == "fact_receipts")!["schema"]!;
        Assert.Equal(
            "datetime",
            (string?)receipts["fields"]!.AsArray().Single(f => (string?)f!["name"] == "EventTS")!["type"]
        );
        Assert.Equal(["ReceiptId"], receipts["primaryKey"]!.AsArray().Select(k => (string?)k));
        var customerKey = receipts["foreignKeys"]!.AsArray().Single(k => (string?)k!["fields"] == "CustomerID")!;
        Assert.Equal("dim_customers", (string?)customerKey["reference"]!["resource"]);
    }

    private static string Text(object? value) =>
        value switch
        {
            null => null!,
            double d => d.ToString("0.00", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
}
