using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>Recomputes a table's <c>ContentHash</c> from its SQLite or CSV form, to check an output against its
/// manifest.</summary>
public static class ContentHashReader
{
    public static string FromDatabase(SqliteConnection connection, TableInfo table)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        var kinds = table.Kinds;
        using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c}\""))} FROM \"{table.Name}\" ORDER BY "
            + $"{table.OrderBy}";
        using var reader = command.ExecuteReader();
        using var hasher = new ContentHasher();
        while (reader.Read())
        {
            for (var i = 0; i < kinds.Count; i++)
            {
                hasher.AddText(ColumnText.Read(reader, i, kinds[i]) ?? "");
            }

            hasher.EndRow();
        }

        return hasher.Finish();
    }

    public static string FromCsv(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default, FileOptions.SequentialScan);
        using var hasher = new ContentHasher();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                hasher.AddText(reader.GetString(i));
            }

            hasher.EndRow();
        }

        return hasher.Finish();
    }
}
