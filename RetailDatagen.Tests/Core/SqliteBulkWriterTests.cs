using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Sinks;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// The bulk writer inserts many rows per statement, binds text as UTF-8 and skips re-binding a value that repeats:
/// every row must still read back with exactly its own values, whatever repeats, changes, is empty, NULL or outside
/// ASCII.
/// </summary>
public sealed class SqliteBulkWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void Insert_RepeatedChangedEmptyAndNonAsciiText_ReadsBackRowByRow()
    {
        var region = "Südwest ☀";
        var state = "SP";
        Geography[] geographies =
        [
            Place(1, "São Paulo", state, region),
            Place(2, "São Paulo", state, region),
            Place(3, "", state, region),
            Place(4, "Zürich 😀", "ZH", region),
            Place(5, "Zürich 😀", state, "West"),
            Place(6, new string('x', 5_000), state, region),
            Place(7, "Ōsaka", state, region),
            // Enough rows for the 64-row statements too: values repeat within a statement and across two.
            .. Enumerable
                .Range(8, 150)
                .Select(id => Place(id, id % 3 == 0 ? "São Paulo" : $"Ville {id} é", state, id % 5 == 0 ? "" : region)),
        ];
        Truck[] trucks =
        [
            new() { ID = 1, LicensePlate = "A-1", DCID = 3 },
            new() { ID = 2, LicensePlate = "A-1", DCID = null, Refrigeration = true },
            new() { ID = 3, LicensePlate = "", DCID = 4 },
        ];
        var path = _temp.Combine("bulk.db");

        using (var writer = SqliteBulkWriter.Create(path))
        {
            // Batches of two tables interleave, as they do when tables are generated in parallel.
            writer.Insert(Tables.Geographies, geographies.AsSpan(0, 3));
            writer.Insert(Tables.Trucks, trucks.AsSpan(0, 2));
            writer.Insert(Tables.Geographies, geographies.AsSpan(3));
            writer.Insert(Tables.Trucks, trucks.AsSpan(2));
            writer.Commit(new MetaRun { RunId = "bulk", Status = "Completed" }, [], [], []);
        }

        using var connection = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        connection.Open();
        Assert.Equal(
            geographies.Select(g => $"{g.ID}|{g.City}|{g.State}|{g.Region}|{g.Latitude:F4}"),
            Read(connection, "SELECT ID, City, State, Region, printf('%.4f', Latitude) FROM dim_geographies")
        );
        Assert.Equal(
            trucks.Select(t => $"{t.ID}|{t.LicensePlate}|{(t.Refrigeration ? 1 : 0)}|{t.DCID?.ToString() ?? "NULL"}"),
            Read(connection, "SELECT ID, LicensePlate, Refrigeration, COALESCE(DCID, 'NULL') FROM dim_trucks")
        );
        Assert.Equal(
            [0L],
            Read(connection, "SELECT COUNT(*) FROM dim_geographies WHERE City IS NULL").Select(long.Parse)
        );
    }

    public void Dispose() => _temp.Dispose();

    private static Geography Place(int id, string city, string state, string region) =>
        new()
        {
            ID = id,
            City = city,
            State = state,
            ZipCode = "0100" + id,
            District = "D",
            Region = region,
            Latitude = 40 + (id / 10.0),
            Longitude = -70,
        };

    private static List<string> Read(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql + " ORDER BY 1";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }

        return rows;
    }
}
