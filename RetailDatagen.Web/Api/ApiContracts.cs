using RetailDatagen.Core.Browsing;

namespace RetailDatagen.Web.Api;

/// <summary>An API error: what was wrong, in words, and where in the query when SQLite named a token.</summary>
public sealed record ApiError(string Error, int? Line = null, int? Column = null);

/// <summary>
/// A console query's answer: the displayed rows (at most the cap), whether more exist, the time it took and when its
/// first row came (null when it returned none).
/// </summary>
public sealed record SqlResponse(
    IReadOnlyList<string> Columns,
    IReadOnlyList<object?[]> Rows,
    bool Truncated,
    double ElapsedMs,
    double? FirstRowMs
);

/// <summary>One page of a table view (values as the CSV text form, in column order).</summary>
public sealed record TablePageResponse(
    string Table,
    IReadOnlyList<string> Columns,
    long TotalRows,
    int Page,
    int Size,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    IReadOnlyList<string> Filters
);

/// <summary>A finished run's summary line in <c>GET /api/runs</c>.</summary>
public sealed record RunListItem(
    string RunId,
    string Status,
    string Preset,
    long? Seed,
    DateTimeOffset StartedAt,
    long TotalRows,
    long? TotalBytes,
    bool HasDatabase,
    bool HasCsv
);

/// <summary>The facets of a view.</summary>
public sealed record FacetsResponse(string Table, IReadOnlyList<ColumnFacet> Facets);
