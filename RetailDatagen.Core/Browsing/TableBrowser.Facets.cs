using System.Globalization;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>A value of a column and how many rows of the view hold it.</summary>
public sealed record FacetValue(string? Value, long Count);

/// <summary>The most frequent values of a column in a view.</summary>
public sealed record ColumnFacet(string Column, IReadOnlyList<FacetValue> Values);

public sealed partial class TableBrowser
{
    /// <summary>How many values a facet lists.</summary>
    public const int FacetSize = 12;

    /// <summary>
    /// The top values with counts of each low-cardinality column (e.g. Department, Region, TenderType, Reason) in the
    /// current view. One GROUP BY per column: a scan of a big fact table costs about a second the first time, then
    /// the result is cached per run, view and column.
    /// </summary>
    public async Task<IReadOnlyList<ColumnFacet>> FacetsAsync(
        string databasePath,
        TableQuery query,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        var table = query.Table;
        var columns = DataDictionary.Of(table).Columns.Where(c => c.IsFacet).Select(c => c.Name).ToList();
        var facets = new List<ColumnFacet>(columns.Count);
        SqliteConnectionHolder? holder = null;
        try
        {
            foreach (var column in columns)
            {
                var fact = "facet:" + column + "\u0002" + query.ViewKey;
                var cached = _cache.Find<ColumnFacet>(databasePath, table.Name, fact);
                if (cached is null)
                {
                    holder ??= new SqliteConnectionHolder(
                        await OpenAsync(databasePath, cancellationToken).ConfigureAwait(false)
                    );
                    cached = await FacetAsync(holder, query, column, cancellationToken).ConfigureAwait(false);
                    _cache.Store(databasePath, table.Name, fact, cached);
                }

                facets.Add(cached);
            }
        }
        finally
        {
            if (holder is not null)
            {
                await holder.Connection.DisposeAsync().ConfigureAwait(false);
            }
        }

        return facets;
    }

    private static async Task<ColumnFacet> FacetAsync(
        SqliteConnectionHolder holder,
        TableQuery query,
        string column,
        CancellationToken cancellationToken
    )
    {
        var table = query.Table;
        var ordinal = SearchFilter.IndexOf(table, column);
        var filter = SearchFilter.Build(table, query.Search?.Trim() ?? "", query.SearchColumn, query.Filters);
        await using var command = holder.Connection.CreateCommand();
        command.CommandText =
            $"SELECT {Quote(column)}, COUNT(*) FROM {Quote(table.Name)}{filter.Where} "
            + $"GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {FacetSize.ToString(CultureInfo.InvariantCulture)}";
        filter.Bind(command);
        var values = new List<FacetValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(new FacetValue(ColumnText.Read(reader, 0, table.Kinds[ordinal]), reader.GetInt64(1)));
        }

        return new ColumnFacet(column, values);
    }

    private sealed record SqliteConnectionHolder(Microsoft.Data.Sqlite.SqliteConnection Connection);
}
