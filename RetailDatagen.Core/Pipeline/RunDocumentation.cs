using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Makes a run document itself from the <see cref="DataDictionary"/>: a <c>meta_columns</c> table in
/// <c>retail.db</c> and a Frictionless Data Package (<c>csv/datapackage.json</c>, Table Schema types, formats,
/// keys and foreign keys) beside the CSV files, so pandas, DuckDB or Frictionless read typed columns (ZipCode as text).
/// </summary>
public static class RunDocumentation
{
    public const string DataPackageFile = "datapackage.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Writes both documents into a staged run (each only when its output format is on).</summary>
    public static async Task WriteAsync(
        RunFolder? folder,
        string runId,
        GenerationOptions options,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(options);
        if (folder is null)
        {
            return;
        }

        var tables = Tables.For(options);
        if (options.Format.WritesCsv())
        {
            var path = folder.StagedPath(Path.Combine(RunFolder.CsvFolder, DataPackageFile));
            await File.WriteAllTextAsync(path, DataPackage(runId, tables).ToJsonString(Indented), cancellationToken)
                .ConfigureAwait(false);
        }

        if (options.Format.WritesSqlite())
        {
            await WriteMetaColumnsAsync(folder.StagedPath(RunFolder.DatabaseFile), tables, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>The Frictionless Data Package of a run's CSV files (resource paths relative to the csv
    /// folder).</summary>
    public static JsonObject DataPackage(string runId, IReadOnlyList<TableInfo> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var resources = new JsonArray();
        foreach (var doc in tables.Select(DataDictionary.Of))
        {
            var fields = new JsonArray();
            foreach (var column in doc.Columns)
            {
                fields.Add(Field(column, doc.Table.KeyColumns.Contains(column.Name)));
            }

            var schema = new JsonObject
            {
                ["fields"] = fields,
                ["primaryKey"] = new JsonArray([.. doc.Table.KeyColumns.Select(k => JsonValue.Create(k))]),
                ["missingValues"] = new JsonArray(""),
            };
            var keys = doc
                .Columns.Where(c => c.ForeignKey is not null && tables.Any(t => t.Name == c.ForeignKey.Table))
                .Select(c =>
                    (JsonNode)
                        new JsonObject
                        {
                            ["fields"] = c.Name,
                            ["reference"] = new JsonObject
                            {
                                ["resource"] = c.ForeignKey!.Table,
                                ["fields"] = c.ForeignKey.Column,
                            },
                        }
                )
                .ToArray();
            if (keys.Length > 0)
            {
                schema["foreignKeys"] = new JsonArray(keys);
            }

            resources.Add(
                new JsonObject
                {
                    ["name"] = doc.Table.Name,
                    ["path"] = doc.Table.CsvFile,
                    ["title"] = doc.Table.Title,
                    ["description"] = doc.Description,
                    ["profile"] = "tabular-data-resource",
                    ["format"] = "csv",
                    ["mediatype"] = "text/csv",
                    ["encoding"] = "utf-8",
                    ["dialect"] = new JsonObject
                    {
                        ["delimiter"] = ",",
                        ["header"] = true,
                        ["doubleQuote"] = true,
                    },
                    ["schema"] = schema,
                }
            );
        }

        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "retaildatagen-" + runId.ToLowerInvariant(),
            ["title"] = $"RetailDatagen run {runId}",
            ["version"] = GeneratorInfo.Version,
            ["resources"] = resources,
        };
    }

    /// <summary>The Table Schema type of a column kind (https://specs.frictionlessdata.io/table-schema/).</summary>
    public static string FieldType(ColumnKind kind) =>
        kind switch
        {
            ColumnKind.Integer or ColumnKind.NullableInteger => "integer",
            ColumnKind.Money or ColumnKind.Coordinate => "number",
            ColumnKind.Boolean => "boolean",
            ColumnKind.Date => "date",
            ColumnKind.Timestamp => "datetime",
            _ => "string",
        };

    private static JsonObject Field(ColumnDoc column, bool isKey)
    {
        var field = new JsonObject
        {
            ["name"] = column.Name,
            ["type"] = FieldType(column.Kind),
            ["description"] = column.Description,
        };
        if (column.Kind == ColumnKind.Timestamp)
        {
            field["format"] = "%Y-%m-%dT%H:%M:%S";
        }
        else if (column.Kind == ColumnKind.Boolean)
        {
            field["trueValues"] = new JsonArray("true");
            field["falseValues"] = new JsonArray("false");
        }

        if (column.Unit is not null)
        {
            field["unit"] = column.Unit;
        }

        var constraints = new JsonObject();
        if (!column.IsNullable || isKey)
        {
            constraints["required"] = true;
        }

        if (column.AllowedValues is { } allowed && column.Kind != ColumnKind.Boolean)
        {
            constraints["enum"] = new JsonArray([.. allowed.Select(v => JsonValue.Create(v))]);
        }

        if (constraints.Count > 0)
        {
            field["constraints"] = constraints;
        }

        return field;
    }

    private static async Task WriteMetaColumnsAsync(
        string databasePath,
        IReadOnlyList<TableInfo> tables,
        CancellationToken cancellationToken
    )
    {
        await using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // The database is still staged: like the bulk load, it is made durable by the run folder's rename, not by
        // fsync. A synchronous commit here would flush the whole freshly loaded file (a third of a second for the
        // master data alone).
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE "meta_columns" (
                  "TableName" TEXT NOT NULL, "ColumnName" TEXT NOT NULL, "Position" INTEGER NOT NULL,
                  "Type" TEXT NOT NULL, "Nullable" INTEGER NOT NULL, "Description" TEXT NOT NULL, "Unit" TEXT,
                  "AllowedValues" TEXT, "ReferencesTable" TEXT, "ReferencesColumn" TEXT,
                  PRIMARY KEY ("TableName", "ColumnName"))
                """;
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO \"meta_columns\" VALUES ($t, $c, $p, $type, $n, $d, $u, $a, $rt, $rc)";
        foreach (var doc in tables.Select(DataDictionary.Of))
        {
            for (var i = 0; i < doc.Columns.Count; i++)
            {
                var column = doc.Columns[i];
                insert.Parameters.Clear();
                insert.Parameters.AddWithValue("$t", doc.Table.Name);
                insert.Parameters.AddWithValue("$c", column.Name);
                insert.Parameters.AddWithValue("$p", i + 1);
                insert.Parameters.AddWithValue("$type", FieldType(column.Kind));
                insert.Parameters.AddWithValue("$n", column.IsNullable ? 1 : 0);
                insert.Parameters.AddWithValue("$d", column.Description);
                insert.Parameters.AddWithValue("$u", (object?)column.Unit ?? DBNull.Value);
                insert.Parameters.AddWithValue(
                    "$a",
                    column.AllowedValues is { } a ? string.Join("|", a) : DBNull.Value
                );
                insert.Parameters.AddWithValue("$rt", (object?)column.ForeignKey?.Table ?? DBNull.Value);
                insert.Parameters.AddWithValue("$rc", (object?)column.ForeignKey?.Column ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
