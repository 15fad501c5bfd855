using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// The DDL of <c>retail.db</c>, taken from the EF Core model and split so tables are created before the bulk
/// load and secondary indexes after it (building an index once is far cheaper than maintaining it per row).
/// </summary>
public sealed record SqliteSchema(IReadOnlyList<string> Tables, IReadOnlyList<string> Indexes)
{
    private static readonly Lazy<SqliteSchema> Lazy = new(Build);

    public static SqliteSchema Instance => Lazy.Value;

    private static SqliteSchema Build()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var options = new DbContextOptionsBuilder<RetailDbContext>().UseSqlite(connection).Options;
        using var context = new RetailDbContext(options);
        var statements = context.Database.GenerateCreateScript()
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(s => s.Length > 0)
            .ToList();
        return new SqliteSchema(
            [.. statements.Where(s => s.StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase))],
            [.. statements.Where(s => s.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) && s.Contains(" INDEX ", StringComparison.OrdinalIgnoreCase))]);
    }
}
