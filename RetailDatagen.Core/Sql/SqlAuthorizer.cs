using SQLitePCL;

namespace RetailDatagen.Core.Sql;

/// <summary>
/// SQLite's compile-time gate for console queries: a statement may read tables, call functions and recurse; anything
/// else (a write, DDL, ATTACH, a transaction, a PRAGMA outside the read-only list, <c>load_extension</c>) fails to
/// prepare. This is the second wall: the connection is already opened read-only.
/// </summary>
internal sealed class SqlAuthorizer(string sql)
{
    private const int Ok = 0;
    private const int Deny = 1;

    // sqlite3.h action codes.
    private const int Pragma = 19;
    private const int Read = 20;
    private const int Select = 21;
    private const int Function = 31;
    private const int Recursive = 33;

    private static readonly HashSet<string> ReadOnlyPragmas = new(StringComparer.OrdinalIgnoreCase)
    {
        "table_info",
        "table_xinfo",
        "table_list",
        "index_list",
        "index_info",
        "index_xinfo",
        "foreign_key_list",
    };

    private static readonly HashSet<string> DeniedFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "load_extension",
        "fts3_tokenizer",
        "readfile",
        "writefile",
        "edit",
    };

    private static readonly Dictionary<int, string> Actions = new()
    {
        [1] = "CREATE INDEX",
        [2] = "CREATE TABLE",
        [3] = "CREATE INDEX",
        [4] = "CREATE TABLE",
        [5] = "CREATE TRIGGER",
        [6] = "CREATE VIEW",
        [7] = "CREATE TRIGGER",
        [8] = "CREATE VIEW",
        [9] = "DELETE",
        [10] = "DROP INDEX",
        [11] = "DROP TABLE",
        [12] = "DROP INDEX",
        [13] = "DROP TABLE",
        [14] = "DROP TRIGGER",
        [15] = "DROP VIEW",
        [16] = "DROP TRIGGER",
        [17] = "DROP VIEW",
        [18] = "INSERT",
        [22] = "a transaction",
        [23] = "UPDATE",
        [24] = "ATTACH",
        [25] = "DETACH",
        [26] = "ALTER TABLE",
        [27] = "REINDEX",
        [28] = "ANALYZE",
        [29] = "CREATE VIRTUAL TABLE",
        [30] = "DROP VIRTUAL TABLE",
        [32] = "a savepoint",
    };

    /// <summary>What the last denied statement tried to do, in words, or null.</summary>
    public string? Denial { get; private set; }

    /// <summary>The first keywords of a statement without TEMP/IF/… (<c>CREATE TEMP TABLE t</c> → CREATE
    /// TABLE).</summary>
    internal static string Statement(string text)
    {
        var words = text.Split((char[])[' ', '\t', '\r', '\n', '('], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.ToUpperInvariant())
            .Where(w => w is not ("TEMP" or "TEMPORARY" or "UNIQUE" or "VIRTUAL"))
            .Take(2)
            .ToList();
        return words.Count == 0 ? "This statement" : string.Join(' ', words);
    }

    public void Attach(sqlite3 handle) => raw.sqlite3_set_authorizer(handle, Authorize, null);

    private int Authorize(object userData, int action, utf8z param0, utf8z param1, utf8z database, utf8z trigger)
    {
        switch (action)
        {
            case Read or Select or Recursive:
                return Ok;
            case Function:
                var function = param1.utf8_to_string();
                if (function is not null && DeniedFunctions.Contains(function))
                {
                    Denial ??= $"the function {function}() is not allowed: the console cannot load extensions or files";
                    return Deny;
                }

                return Ok;
            case Pragma:
                var pragma = param0.utf8_to_string() ?? "";
                if (ReadOnlyPragmas.Contains(pragma))
                {
                    return Ok;
                }

                Denial ??=
                    $"PRAGMA {pragma} is not allowed: only PRAGMA {string.Join(", ", ReadOnlyPragmas.Order())} "
                    + "may run in the console";
                return Deny;
            default:
                var what = Actions.TryGetValue(action, out var name) ? name : $"action {action}";
                var target = param0.utf8_to_string();

                // DDL first edits SQLite's own schema table and stops there when denied: name the statement the
                // analyst typed (DROP TABLE), not that internal edit.
                if (target?.StartsWith("sqlite_", StringComparison.Ordinal) == true && action is 9 or 18 or 23)
                {
                    Denial ??= $"{Statement(sql)} is not allowed: the console is read-only";
                    return Deny;
                }

                Denial ??=
                    $"{what}{(action is 9 or 18 or 23 && target is not null ? " on " + target : "")} is not "
                    + "allowed: the console is read-only";
                return Deny;
        }
    }
}
