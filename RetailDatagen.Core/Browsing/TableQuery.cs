using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>One page of one table of <c>retail.db</c>: which rows, in which order, matching which search
/// text.</summary>
public sealed record TableQuery
{
    public required TableInfo Table { get; init; }

    /// <summary>Rows to skip (zero-based).</summary>
    public long Offset { get; init; }

    /// <summary>Rows to return (1..<see cref="TableBrowser.MaxPageSize"/>).</summary>
    public int Limit { get; init; } = 25;

    /// <summary>A column of <see cref="Table"/> to sort by, or null for key order. Any other name is
    /// rejected.</summary>
    public string? SortColumn { get; init; }

    public bool Descending { get; init; }

    /// <summary>Free text: text columns that contain it, numeric columns equal to it. Always bound as a
    /// parameter.</summary>
    public string? Search { get; init; }

    /// <summary>Limits the search to this column of <see cref="Table"/> (null searches every column).</summary>
    public string? SearchColumn { get; init; }

    /// <summary>Column filters, all of which a row must pass (combined with the search by AND).</summary>
    public IReadOnlyList<ColumnFilter> Filters { get; init; } = [];

    /// <summary>A stable text of the search and filters, for caching counts of this view.</summary>
    public string ViewKey =>
        (Search?.Trim() ?? "")
        + "\u0001"
        + SearchColumn
        + "\u0001"
        + string.Join("\u0001", Filters.Select(f => f.Format()));
}

/// <summary>The rows of a page (values as text, in the table's column order) and how many rows match in all.</summary>
public sealed record TablePage(IReadOnlyList<IReadOnlyList<string?>> Rows, long TotalRows);
