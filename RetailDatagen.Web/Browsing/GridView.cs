using System.Text;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Web.Browsing;

/// <summary>
/// What the Tables grid shows besides the page: search (optionally in one column), column filters and sort. It
/// round-trips through the page URL (<c>q</c>, <c>in</c>, <c>f</c> repeated, <c>sort</c> = Column or -Column) so a
/// filtered view can be shared, and names the same view for the CSV export endpoint.
/// </summary>
public sealed record GridView
{
    public string Search { get; init; } = "";

    public string? SearchColumn { get; init; }

    public IReadOnlyList<ColumnFilter> Filters { get; init; } = [];

    public string? SortColumn { get; init; }

    public bool Descending { get; init; }

    /// <summary>Compares views by content (the filter list is a reference in record equality).</summary>
    public string Key => QueryString(null, api: false);

    /// <summary>The view a URL names; unknown columns and malformed filters are dropped, never passed on.</summary>
    public static GridView FromUrl(
        TableInfo table,
        string? search,
        string? searchColumn,
        string[]? filters,
        string? sort
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        var column = sort?.TrimStart('-');
        return new GridView
        {
            Search = search?.Trim() ?? "",
            SearchColumn = searchColumn is not null && table.Columns.Contains(searchColumn) ? searchColumn : null,
            Filters =
            [
                .. (filters ?? [])
                    .Select(f => ColumnFilter.TryParse(f, out var parsed) ? parsed : null)
                    .OfType<ColumnFilter>()
                    .Where(f => table.Columns.Contains(f.Column)),
            ],
            SortColumn = column is not null && table.Columns.Contains(column) ? column : null,
            Descending = sort?.StartsWith('-') == true,
        };
    }

    public TableQuery ToQuery(TableInfo table, long offset, int limit) =>
        new()
        {
            Table = table,
            Offset = offset,
            Limit = limit,
            Search = Search,
            SearchColumn = SearchColumn,
            Filters = Filters,
            SortColumn = SortColumn,
            Descending = Descending,
        };

    /// <summary>The Results URL of this view of a table.</summary>
    public string ResultsUrl(string runId, TableInfo table) =>
        $"/runs/{Uri.EscapeDataString(runId)}/results?{QueryString(table.Name, api: false)}";

    /// <summary>The CSV export of every row of this view.</summary>
    public string ExportUrl(string runId, TableInfo table) =>
        $"/api/runs/{Uri.EscapeDataString(runId)}/tables/{Uri.EscapeDataString(table.Name)}/export.csv?"
        + QueryString(null, api: true);

    // The page URL uses short names; the API spells them out.
    private string QueryString(string? includeTable, bool api)
    {
        var parts = new List<string>();
        if (includeTable is not null)
        {
            parts.Add("table=" + Uri.EscapeDataString(includeTable));
        }

        if (Search.Length > 0)
        {
            parts.Add((api ? "search=" : "q=") + Uri.EscapeDataString(Search));
        }

        if (SearchColumn is not null)
        {
            parts.Add((api ? "searchColumn=" : "in=") + Uri.EscapeDataString(SearchColumn));
        }

        parts.AddRange(Filters.Select(f => (api ? "filter=" : "f=") + Uri.EscapeDataString(f.Format())));
        if (SortColumn is not null)
        {
            parts.Add("sort=" + Uri.EscapeDataString((Descending ? "-" : "") + SortColumn));
        }

        return new StringBuilder().AppendJoin('&', parts).ToString();
    }
}
