using System.Globalization;
using System.Text;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

public sealed partial class TableBrowser
{
    /// <summary>
    /// Streams every row of a view (search, filters and sort of <paramref name="query"/>; offset and limit ignored) as
    /// RFC 4180 CSV with the table's header, in the same text form as the run's CSV files. Returns the rows written.
    /// </summary>
    public async Task<long> ExportCsvAsync(
        string databasePath,
        TableQuery query,
        Stream output,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(output);
        var table = query.Table;
        var sortColumn = query.SortColumn is null ? null : table.Columns[SearchFilter.IndexOf(table, query.SortColumn)];
        var filter = SearchFilter.Build(table, query.Search?.Trim() ?? "", query.SearchColumn, query.Filters);
        await using var connection = await OpenAsync(databasePath, cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = new StringBuilder()
            .Append("SELECT ")
            .AppendJoin(", ", table.Columns.Select(Quote))
            .Append(" FROM ")
            .Append(Quote(table.Name))
            .Append(filter.Where)
            .Append(" ORDER BY ")
            .AppendJoin(", ", OrderBy(table, sortColumn, query.Descending, fromEnd: false))
            .ToString();
        filter.Bind(command);

        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(CsvField))).ConfigureAwait(false);
        var kinds = table.Kinds;
        long rows = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var line = new StringBuilder();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            line.Clear();
            for (var i = 0; i < kinds.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                line.Append(CsvField(ColumnText.Read(reader, i, kinds[i])));
            }

            await writer.WriteLineAsync(line, cancellationToken).ConfigureAwait(false);
            rows++;
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return rows;
    }

    /// <summary>One CSV field, quoted (RFC 4180) only when it holds a comma, quote or line break.</summary>
    public static string CsvField(string? value)
    {
        if (value is null)
        {
            return "";
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") < 0
            ? value
            : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    internal static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
