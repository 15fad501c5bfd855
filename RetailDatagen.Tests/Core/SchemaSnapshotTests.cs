using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// Pins the schema of <c>retail.db</c> as SQLite itself reports it — tables, columns with their types, nullability
/// and key positions, indexes with their columns and uniqueness, foreign keys with their actions — so a change to how
/// the schema is built from the EF Core model cannot alter the database unnoticed.
/// </summary>
public sealed class SchemaSnapshotTests(SmallDataset dataset)
{
    private const string UpdateVariable = "UPDATE_GOLDENS";

    [Fact]
    public async Task Schema_OfAWrittenDatabase_MatchesTheSnapshot()
    {
        using var connection = TestRuns.Open(dataset.Directory);
        var actual = Describe(connection);
        var path = SnapshotFile();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, actual, TestContext.Current.CancellationToken);
            return;
        }

        var expected = File.Exists(path)
            ? await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)
            : "";
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = Enumerable
            .Range(0, Math.Max(expectedLines.Length, actualLines.Length))
            .FirstOrDefault(i => expectedLines.ElementAtOrDefault(i) != actualLines.ElementAtOrDefault(i), -1);
        Assert.True(
            first < 0,
            $"The schema of retail.db differs from {path} at line {first + 1}:\n"
                + $"  expected: {expectedLines.ElementAtOrDefault(first)}\n  actual:   "
                + $"{actualLines.ElementAtOrDefault(first)}\n"
                + $"If the change is on purpose, update the snapshot by running the tests with {UpdateVariable}=1."
        );
    }

    /// <summary>One line per table, column, index (with its columns) and foreign key, in a stable order.</summary>
    private static string Describe(SqliteConnection connection)
    {
        var text = new StringBuilder();
        var tables = connection
            .Rows("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .Select(r => (string)r[0]!)
            .ToList();
        foreach (var table in tables)
        {
            text.Append(CultureInfo.InvariantCulture, $"table {table}\n");
            foreach (
                var c in connection.Rows(
                    $"SELECT cid, name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')"
                )
            )
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  column {c[0]} {c[1]} {c[2]} notnull={c[3]} default={c[4] ?? "-"} pk={c[5]}\n"
                );
            }

            var indexes = connection.Rows(
                $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{table}') ORDER BY name"
            );
            foreach (var i in indexes)
            {
                var columns = connection
                    .Rows($"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno")
                    .Select(r => (string?)r[0] ?? "(expr)");
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  index {i[0]} unique={i[1]} origin={i[2]} partial={i[3]} ({string.Join(", ", columns)})\n"
                );
            }

            foreach (
                var f in connection.Rows(
                    "SELECT \"table\", \"from\", \"to\", on_update, on_delete, \"match\" FROM "
                        + $"pragma_foreign_key_list('{table}') ORDER BY \"from\", \"table\""
                )
            )
            {
                text.Append(
                    CultureInfo.InvariantCulture,
                    $"  foreign key {f[1]} -> {f[0]}.{f[2]} on update {f[3]} on delete {f[4]} match {f[5]}\n"
                );
            }
        }

        return text.ToString();
    }

    private static string SnapshotFile([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "schema.txt");
}
