namespace RetailDatagen.Core.Sql;

/// <summary>A result column: its name and SQLite's declared type when it comes straight from a table column.</summary>
public sealed record SqlColumn(string Name, string? DeclaredType);

/// <summary>How a console query ended: rows delivered, whether the row cap cut it, and its timings.</summary>
public sealed record SqlSummary(long Rows, bool Truncated, double ElapsedMs, double? FirstRowMs);

/// <summary>
/// The rows a console query returned (at most the display cap; <see cref="Truncated"/> says more exist). Values are
/// SQLite's own: <see cref="long"/>, <see cref="double"/>, <see cref="string"/>, <see cref="byte"/>[] or null.
/// </summary>
public sealed record SqlResult(
    IReadOnlyList<SqlColumn> Columns,
    IReadOnlyList<object?[]> Rows,
    bool Truncated,
    double ElapsedMs,
    double? FirstRowMs
);
