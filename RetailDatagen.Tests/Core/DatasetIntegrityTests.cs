using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Core.Sinks;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class DatasetIntegrityTests(SmallDataset dataset)
{
    [Fact]
    public void Database_ForeignKeyCheck_ReturnsNothing_AndIntegrityIsOk()
    {
        using var db = TestRuns.Open(dataset.Directory);

        Assert.Empty(db.Rows("PRAGMA foreign_key_check"));
        Assert.Equal("ok", db.Rows("PRAGMA integrity_check").Single()[0]);
    }

    [Fact]
    public void Database_DeclaresEveryContractForeignKey()
    {
        using var db = TestRuns.Open(dataset.Directory);
        string[] Fks(string table) =>
            [.. db.Rows($"PRAGMA foreign_key_list(\"{table}\")").Select(r => $"{r[3]}->{r[2]}.{r[4]}").Order()];

        Assert.Equal(["GeographyID->dim_geographies.ID"], Fks("dim_distribution_centers"));
        Assert.Equal(["DCID->dim_distribution_centers.ID", "GeographyID->dim_geographies.ID"], Fks("dim_stores"));
        Assert.Equal(["DCID->dim_distribution_centers.ID"], Fks("dim_trucks"));
        Assert.Equal(["GeographyID->dim_geographies.ID", "HomeStoreID->dim_stores.ID"], Fks("dim_customers"));
        Assert.Equal(
            ["DCID->dim_distribution_centers.ID", "ProductID->dim_products.ID"],
            Fks("fact_dc_inventory_snapshots")
        );
        Assert.Equal(
            ["CustomerID->dim_customers.ID", "ReturnForReceiptId->fact_receipts.ReceiptId", "StoreID->dim_stores.ID"],
            Fks("fact_receipts")
        );
        Assert.Equal(["ProductID->dim_products.ID", "ReceiptId->fact_receipts.ReceiptId"], Fks("fact_receipt_lines"));
        Assert.Equal(["ProductID->dim_products.ID", "StoreID->dim_stores.ID"], Fks("fact_store_inventory_txn"));
        Assert.Equal(["DCID->dim_distribution_centers.ID", "ProductID->dim_products.ID"], Fks("fact_dc_inventory_txn"));
        Assert.Equal(
            ["DCID->dim_distribution_centers.ID", "StoreID->dim_stores.ID", "TruckId->dim_trucks.ID"],
            Fks("fact_truck_moves")
        );
        Assert.Equal(["StoreID->dim_stores.ID"], Fks("fact_foot_traffic"));
        Assert.Equal(["CustomerBLEId->dim_customers.BLEId", "StoreID->dim_stores.ID"], Fks("fact_ble_pings"));
        Assert.Equal(["CustomerAdId->dim_customers.AdId"], Fks("fact_marketing"));
        Assert.Equal(["CustomerID->dim_customers.ID"], Fks("fact_online_orders"));
        Assert.Equal(
            ["OrderId->fact_online_orders.OrderId", "ProductID->dim_products.ID"],
            Fks("fact_online_order_lines")
        );
        Assert.Equal(["ProductID->dim_products.ID", "StoreID->dim_stores.ID"], Fks("fact_store_inventory_snapshots"));
    }

    [Fact]
    public void EveryTable_HasExactlyTheRequestedRowCount_InDatabaseCsvAndManifest()
    {
        var planned = GeneratorSet.PlannedRows(SmallDataset.Options);
        using var db = TestRuns.Open(dataset.Directory);

        Assert.Equal(50, planned[Tables.Geographies.Name]);
        Assert.Equal(20, planned[Tables.Trucks.Name]);
        Assert.Equal(20_000, planned[Tables.StoreInventorySnapshots.Name]);
        foreach (var table in Tables.All)
        {
            var manifestRows = dataset.Manifest.Tables.Single(t => t.Name == table.Name).RowCount;
            if (table.Stage < Tables.FactStage)
            {
                Assert.Equal(planned[table.Name], manifestRows);
            }
            else
            {
                Assert.True(manifestRows > 0, $"{table.Name} is empty");
            }

            Assert.Equal(manifestRows, db.Scalar($"SELECT COUNT(*) FROM \"{table.Name}\""));
            Assert.Equal(manifestRows, File.ReadLines(TestRuns.CsvPath(dataset.Directory, table)).Count() - 1);
        }
    }

    [Fact]
    public void Ids_AreDense_FromOne_InGenerationOrder()
    {
        using var db = TestRuns.Open(dataset.Directory);
        foreach (var table in Tables.Master.Where(t => t.KeyColumns is ["ID"]))
        {
            var count = db.Scalar($"SELECT COUNT(*) FROM \"{table.Name}\"");
            Assert.Equal(1, db.Scalar($"SELECT MIN(ID) FROM \"{table.Name}\""));
            Assert.Equal(count, db.Scalar($"SELECT MAX(ID) FROM \"{table.Name}\""));
        }
    }

    [Fact]
    public void CsvHeaders_EqualTheSqliteColumns_InContractOrder()
    {
        using var db = TestRuns.Open(dataset.Directory);
        foreach (var table in Tables.All)
        {
            var sqliteColumns = db.Rows($"PRAGMA table_info(\"{table.Name}\")").Select(r => (string)r[1]!).ToArray();
            var csvHeader = File.ReadLines(TestRuns.CsvPath(dataset.Directory, table)).First().Split(',');

            Assert.Equal(table.Columns, sqliteColumns);
            Assert.Equal(table.Columns, csvHeader);
        }
    }

    [Fact]
    public void ContentHash_IsTheSame_ForTheSqliteAndCsvFormOfEveryTable()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var stored = db.Rows("SELECT TableName, RowCount, ContentHash FROM meta_tables")
            .ToDictionary(r => (string)r[0]!, r => (string)r[2]!);

        Assert.Equal(Tables.All.Count, stored.Count);
        foreach (var table in Tables.All)
        {
            var manifestHash = dataset.Manifest.Tables.Single(t => t.Name == table.Name).ContentHash;
            Assert.Matches("^[0-9a-f]{64}$", manifestHash);
            Assert.Equal(manifestHash, stored[table.Name]);
            Assert.Equal(manifestHash, ContentHashReader.FromDatabase(db, table));
            Assert.Equal(manifestHash, ContentHashReader.FromCsv(TestRuns.CsvPath(dataset.Directory, table)));
        }
    }

    [Fact]
    public void MetaRun_RecordsTheReproducibilityCertificate()
    {
        using var db = TestRuns.Open(dataset.Directory);
        var run = db.Rows(
                "SELECT RunId, GeneratorVersion, Seed, ConfigJson, StartedAt, CompletedAt, Status FROM meta_run"
            )
            .Single();

        Assert.Equal(dataset.Manifest.RunId, run[0]);
        Assert.Equal(GeneratorInfo.Version, run[1]);
        Assert.Equal(20240101L, run[2]);
        Assert.Contains("\"seed\":20240101", (string)run[3]!, StringComparison.Ordinal);
        Assert.Contains("\"customers\":10000", (string)run[3]!, StringComparison.Ordinal);
        Assert.Equal("Completed", run[6]);
        Assert.True(
            DateTimeOffset.Parse((string)run[5]!, System.Globalization.CultureInfo.InvariantCulture)
                >= DateTimeOffset.Parse((string)run[4]!, System.Globalization.CultureInfo.InvariantCulture)
        );
    }

    [Fact]
    public void RunFolder_HoldsDatabaseCsvsAndManifest_AndNoStagingLeftovers()
    {
        var files = Directory
            .EnumerateFiles(dataset.Directory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dataset.Directory, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        string[] expected =
        [
            .. Tables
                .All.Select(t => "csv/" + t.CsvFile)
                .Append("csv/datapackage.json")
                .Append("manifest.json")
                .Append("overview.json")
                .Append("retail.db")
                .Order(StringComparer.Ordinal),
        ];

        Assert.Equal(expected, files);
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(dataset.Directory)!, ".staging-*"));
        var manifest = RunManifest.TryRead(Path.Combine(dataset.Directory, RunManifest.FileName));
        Assert.NotNull(manifest);
        Assert.Equal(dataset.Manifest.RunId, manifest.RunId);
        Assert.Equal(
            new FileInfo(Path.Combine(dataset.Directory, "retail.db")).Length,
            manifest.Files.Single(f => f.Path == "retail.db").Bytes
        );
    }
}
