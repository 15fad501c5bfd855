using System.Globalization;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>Rows of another table that point at (or share a group id with) a row, and how many there are.</summary>
/// <param name="Count">Null when counting would scan a large table without an index.</param>
public sealed record RelatedRows(TableInfo Table, string Column, string Value, long? Count);

/// <summary>A whole row (values in the table's column order) and the rows related to it.</summary>
public sealed record RowDetails(TableInfo Table, IReadOnlyList<string?> Values, IReadOnlyList<RelatedRows> Related);

public sealed partial class TableBrowser
{
    // Counting the rows of a large table that match an unindexed column means a full scan: past this size the
    // panel shows a link without the count instead of stalling.
    private const long UnindexedCountLimit = 500_000;

    /// <summary>
    /// People-readable labels of foreign-key values (GeographyID 30 → "New York, NY", ProductID → product name), for
    /// one page of ids at a time. Values the table does not hold (or tables without a label) are left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> LabelsAsync(
        string databasePath,
        ForeignKeyRef target,
        IReadOnlyCollection<string> values,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(values);
        var table = Tables.FindByName(target.Table);
        var label = DataDictionary.LabelSql(target.Table);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (table is null || label is null || values.Count == 0)
        {
            return labels;
        }

        var ordinal = SearchFilter.IndexOf(table, target.Column);
        var kind = table.Kinds[ordinal];
        await using var connection = await OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var names = new List<string>();
        foreach (var value in values.Distinct(StringComparer.Ordinal).Take(MaxPageSize))
        {
            var name = "$v" + names.Count.ToString(CultureInfo.InvariantCulture);
            names.Add(name);
            command.Parameters.AddWithValue(name, KeyValue(kind, value));
        }

        command.CommandText =
            $"SELECT t.{Quote(target.Column)}, {label} FROM {Quote(table.Name)} t "
            + $"WHERE t.{Quote(target.Column)} IN ({string.Join(", ", names)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ColumnText.Read(reader, 0, kind) is { } key && !reader.IsDBNull(1))
            {
                labels[key] = reader.GetString(1);
            }
        }

        return labels;
    }

    /// <summary>
    /// The row of <paramref name="table"/> whose <paramref name="column"/> (its key or a unique column another table
    /// references) equals <paramref name="value"/>, with the rows of other tables that reference it (a customer's
    /// receipts, a receipt's lines) and, for a truck move, the other moves of its shipment. Null when no row matches.
    /// </summary>
    public async Task<RowDetails?> RowAsync(
        string databasePath,
        TableInfo table,
        string column,
        string value,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        var ordinal = SearchFilter.IndexOf(table, column);
        await using var connection = await OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        string?[]? row = null;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText =
                $"SELECT {string.Join(", ", table.Columns.Select(Quote))} FROM {Quote(table.Name)} "
                + $"WHERE {Quote(column)} = $value LIMIT 1";
            command.Parameters.AddWithValue("$value", KeyValue(table.Kinds[ordinal], value));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                row = [.. table.Kinds.Select((kind, i) => ColumnText.Read(reader, i, kind))];
            }
        }

        if (row is null)
        {
            return null;
        }

        var related = new List<RelatedRows>();
        foreach (var (child, childColumn, target) in Referencing(table))
        {
            var key = row[SearchFilter.IndexOf(table, target)];
            if (
                key is not null
                && await TableExistsAsync(connection, child.Name, cancellationToken).ConfigureAwait(false)
            )
            {
                related.Add(
                    new RelatedRows(
                        child,
                        childColumn,
                        key,
                        await CountIfCheapAsync(connection, child, childColumn, key, cancellationToken)
                            .ConfigureAwait(false)
                    )
                );
            }
        }

        return new RowDetails(table, row, related);
    }

    /// <summary>The (table, column, referenced column) of every column that references a row of this table.</summary>
    private static IEnumerable<(TableInfo Child, string Column, string Target)> Referencing(TableInfo table)
    {
        foreach (var doc in DataDictionary.Tables)
        {
            foreach (var column in doc.Columns.Where(c => c.ForeignKey?.Table == table.Name))
            {
                yield return (doc.Table, column.Name, column.ForeignKey!.Column);
            }
        }

        // A shipment is not a table: its moves share a ShipmentId.
        if (table == Tables.TruckMoves)
        {
            yield return (Tables.TruckMoves, "ShipmentId", "ShipmentId");
        }
    }

    private static async Task<long?> CountIfCheapAsync(
        SqliteConnection connection,
        TableInfo table,
        string column,
        string value,
        CancellationToken cancellationToken
    )
    {
        var kind = table.Kinds[SearchFilter.IndexOf(table, column)];
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$table", table.Name);
        command.Parameters.AddWithValue("$column", column);
        command.CommandText = """
            SELECT EXISTS (SELECT 1 FROM pragma_index_list($table) l JOIN pragma_index_info(l.name) i
                           WHERE i.seqno = 0 AND i.name = $column)
            """;
        var indexed =
            table.KeyColumns[0] == column
            || Convert.ToInt64(
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                CultureInfo.InvariantCulture
            ) != 0;
        if (!indexed)
        {
            command.CommandText = "SELECT \"RowCount\" FROM \"meta_tables\" WHERE \"TableName\" = $table";
            var rows = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            if (rows is null || Convert.ToInt64(rows, CultureInfo.InvariantCulture) > UnindexedCountLimit)
            {
                return null;
            }
        }

        command.Parameters.Clear();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)} WHERE {Quote(column)} = $value";
        command.Parameters.AddWithValue("$value", KeyValue(kind, value));
        return Convert.ToInt64(
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture
        );
    }

    private static async Task<bool> TableExistsAsync(
        SqliteConnection connection,
        string table,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = $name)";
        command.Parameters.AddWithValue("$name", table);
        return Convert.ToInt64(
                await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
                CultureInfo.InvariantCulture
            ) != 0;
    }

    private static object KeyValue(ColumnKind kind, string value) =>
        kind is ColumnKind.Integer or ColumnKind.NullableInteger
        && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : value;
}
