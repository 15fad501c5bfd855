using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>
/// The DDL of <c>retail.db</c>, taken from the EF Core model and split so tables are created before the bulk
/// load and secondary indexes after it (building an index once is far cheaper than maintaining it per row).
/// </summary>
public sealed partial record SqliteSchema(IReadOnlyList<string> Tables, IReadOnlyList<string> Indexes)
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
        var tables = new List<string>();
        var indexes = new List<string>();
        foreach (var statement in statements.Where(s => s.StartsWith("CREATE TABLE", StringComparison.OrdinalIgnoreCase)))
        {
            // Alternate keys (unique columns other tables reference) become unique indexes built after the load:
            // SQLite only needs the parent's unique index when child rows arrive, and building it once is far
            // cheaper than maintaining it for every random key inserted.
            var table = TableName().Match(statement).Groups[1].Value;
            var keys = AlternateKey().Matches(statement);
            tables.Add(AlternateKey().Replace(statement, ""));
            indexes.AddRange(keys.Select(k => $"CREATE UNIQUE INDEX \"{k.Groups[1].Value}\" ON \"{table}\" ({k.Groups[2].Value})"));
        }

        indexes.AddRange(statements.Where(s => s.StartsWith("CREATE", StringComparison.OrdinalIgnoreCase) && s.Contains(" INDEX ", StringComparison.OrdinalIgnoreCase)));
        return new SqliteSchema(tables, indexes);
    }

    /// <summary>Whether the model declares foreign keys on this table.</summary>
    public bool HasForeignKeys(string table) =>
        Tables.Any(t => t.StartsWith($"CREATE TABLE \"{table}\"", StringComparison.Ordinal) && t.Contains("FOREIGN KEY", StringComparison.Ordinal));

    [GeneratedRegex("^CREATE TABLE \"([^\"]+)\"")]
    private static partial Regex TableName();

    [GeneratedRegex(",\\s*CONSTRAINT \"(AK_[^\"]+)\" UNIQUE \\(([^)]+)\\)")]
    private static partial Regex AlternateKey();
}
