using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>One page of one table of <c>retail.db</c>: which rows, in which order, matching which search text.</summary>
public sealed record TableQuery
{
    public required TableInfo Table { get; init; }

    /// <summary>Rows to skip (zero-based).</summary>
    public long Offset { get; init; }

    /// <summary>Rows to return (1..<see cref="TableBrowser.MaxPageSize"/>).</summary>
    public int Limit { get; init; } = 25;

    /// <summary>A column of <see cref="Table"/> to sort by, or null for key order. Any other name is rejected.</summary>
    public string? SortColumn { get; init; }

    public bool Descending { get; init; }

    /// <summary>Free text: text columns that contain it, numeric columns equal to it. Always bound as a parameter.</summary>
    public string? Search { get; init; }
}

/// <summary>The rows of a page (values as text, in the table's column order) and how many rows match in all.</summary>
public sealed record TablePage(IReadOnlyList<IReadOnlyList<string?>> Rows, long TotalRows);
