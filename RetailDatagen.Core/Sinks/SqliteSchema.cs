using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// The DDL of <c>retail.db</c>, built from the EF Core model's create operations (the ones
/// <c>EnsureCreated</c> runs) and split so tables are created before the bulk load and secondary indexes after
/// it (building an index once is far cheaper than maintaining it per row).
/// </summary>
/// <param name="Tables">The <c>CREATE TABLE</c> statements, parents before children.</param>
/// <param name="Indexes">The indexes to build after the load, unique keys first.</param>
/// <param name="TablesWithForeignKeys">The tables that declare foreign keys.</param>
public sealed record SqliteSchema(
    IReadOnlyList<string> Tables,
    IReadOnlyList<SqliteIndex> Indexes,
    IReadOnlySet<string> TablesWithForeignKeys
)
{
    private static readonly Lazy<SqliteSchema> Lazy = new(Build);

    public static SqliteSchema Instance => Lazy.Value;

    /// <summary>Whether the model declares foreign keys on this table.</summary>
    public bool HasForeignKeys(string table) => TablesWithForeignKeys.Contains(table);

    private static SqliteSchema Build()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var options = new DbContextOptionsBuilder<RetailDbContext>().UseSqlite(connection).Options;
        using var context = new RetailDbContext(options);
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var generator = context.GetService<IMigrationsSqlGenerator>();
        string Sql(MigrationOperation operation) =>
            string.Concat(generator.Generate([operation], model).Select(c => c.CommandText)).Trim().TrimEnd(';');

        var tables = new List<string>();
        var keys = new List<SqliteIndex>();
        var withForeignKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in operations.OfType<CreateTableOperation>())
        {
            // Alternate keys (unique columns other tables reference) become unique indexes built after the load:
            // SQLite only needs the parent's unique index when child rows arrive, and building it once is far
            // cheaper than maintaining it for every random key inserted.
            foreach (var key in table.UniqueConstraints)
            {
                var index = new CreateIndexOperation
                {
                    Name = key.Name,
                    Table = key.Table,
                    Columns = key.Columns,
                    IsUnique = true,
                };
                keys.Add(new SqliteIndex(table.Name, key.Name, Sql(index)));
            }

            table.UniqueConstraints.Clear();
            tables.Add(Sql(table));
            if (table.ForeignKeys.Count > 0)
            {
                withForeignKeys.Add(table.Name);
            }
        }

        var indexes = operations.OfType<CreateIndexOperation>().Select(i => new SqliteIndex(i.Table, i.Name, Sql(i)));
        return new SqliteSchema(tables, [.. keys, .. indexes], withForeignKeys);
    }
}

/// <summary>One index of <c>retail.db</c> and the statement that builds it.</summary>
public sealed record SqliteIndex(string Table, string Name, string Statement);
