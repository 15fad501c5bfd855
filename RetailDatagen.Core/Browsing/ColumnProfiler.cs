using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>A bar of a column's histogram: values in [From, To) (the last bar includes To), or one day.</summary>
public sealed record HistogramBin(string From, string To, long Count);

/// <summary>
/// What a column holds. Nulls, min and max are exact; <see cref="Distinct"/>, <see cref="TopValues"/> and
/// <see cref="Histogram"/> come from the first <see cref="SampledRows"/> rows when the table is large
/// (<see cref="Approximate"/>), and from every row otherwise.
/// </summary>
public sealed record ColumnProfile(
    string Column,
    string Type,
    long Rows,
    long Nulls,
    long Distinct,
    bool Approximate,
    long SampledRows,
    string? Min,
    string? Max,
    IReadOnlyList<FacetValue> TopValues,
    IReadOnlyList<HistogramBin> Histogram
);

/// <summary>
/// Profiles every column of a table on demand: one scan for counts, nulls, min and max of all columns, then per
/// column a distinct count, the top values and a histogram (10 equal-width bins for numbers, days for dates).
/// Cached per run file and table, so opening the profile again is instant.
/// </summary>
public sealed class ColumnProfiler(BrowseCache cache)
{
    /// <summary>Tables above this size profile distinct counts, top values and histograms on a sample.</summary>
    public const long SampleRows = 1_000_000;

    private const int Bins = 10;

    public async Task<IReadOnlyList<ColumnProfile>> ProfileAsync(
        string databasePath,
        TableInfo table,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(table);
        if (cache.Find<IReadOnlyList<ColumnProfile>>(databasePath, table.Name, "profile") is { } cached)
        {
            return cached;
        }

        await using var connection = await TableBrowser
            .OpenAsync(databasePath, cancellationToken)
            .ConfigureAwait(false);
        var name = TableBrowser.Quote(table.Name);
        var sql = new StringBuilder("SELECT COUNT(*)");
        foreach (var column in table.Columns.Select(TableBrowser.Quote))
        {
            sql.Append($", COUNT({column}), MIN({column}), MAX({column})");
        }

        var kinds = table.Kinds;
        long rows;
        var basics = new List<(long Nulls, string? Min, string? Max)>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = sql.Append(" FROM ").Append(name).ToString();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            rows = reader.GetInt64(0);
            for (var i = 0; i < kinds.Count; i++)
            {
                basics.Add(
                    (
                        rows - reader.GetInt64(1 + 3 * i),
                        ColumnText.Read(reader, 2 + 3 * i, kinds[i]),
                        ColumnText.Read(reader, 3 + 3 * i, kinds[i])
                    )
                );
            }
        }

        var approximate = rows > SampleRows;
        var source = approximate ? $"(SELECT * FROM {name} LIMIT {SampleRows})" : name;
        var profiles = new List<ColumnProfile>(kinds.Count);
        for (var i = 0; i < kinds.Count; i++)
        {
            var column = TableBrowser.Quote(table.Columns[i]);
            var distinct = await ScalarAsync(
                    connection,
                    $"SELECT COUNT(DISTINCT {column}) FROM {source}",
                    cancellationToken
                )
                .ConfigureAwait(false);
            var top = await TopValuesAsync(connection, source, column, kinds[i], cancellationToken)
                .ConfigureAwait(false);
            var histogram = await HistogramAsync(connection, source, column, kinds[i], basics[i], cancellationToken)
                .ConfigureAwait(false);
            profiles.Add(
                new ColumnProfile(
                    table.Columns[i],
                    Pipeline.RunDocumentation.FieldType(kinds[i]),
                    rows,
                    basics[i].Nulls,
                    distinct,
                    approximate,
                    approximate ? SampleRows : rows,
                    basics[i].Min,
                    basics[i].Max,
                    top,
                    histogram
                )
            );
        }

        cache.Store<IReadOnlyList<ColumnProfile>>(databasePath, table.Name, "profile", profiles);
        return profiles;
    }

    private static async Task<IReadOnlyList<FacetValue>> TopValuesAsync(
        SqliteConnection connection,
        string source,
        string column,
        ColumnKind kind,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column}, COUNT(*) FROM {source} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5";
        var values = new List<FacetValue>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(new FacetValue(ColumnText.Read(reader, 0, kind), reader.GetInt64(1)));
        }

        return values;
    }

    private static async Task<IReadOnlyList<HistogramBin>> HistogramAsync(
        SqliteConnection connection,
        string source,
        string column,
        ColumnKind kind,
        (long Nulls, string? Min, string? Max) basics,
        CancellationToken cancellationToken
    )
    {
        var bins = new List<HistogramBin>();
        await using var command = connection.CreateCommand();
        if (kind is ColumnKind.Date or ColumnKind.Timestamp)
        {
            // By day (at most 400 bars: a year of data).
            command.CommandText =
                $"SELECT substr({column}, 1, 10), COUNT(*) FROM {source} WHERE {column} IS NOT NULL "
                + "GROUP BY 1 ORDER BY 1 LIMIT 400";
            await using var days = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await days.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                bins.Add(new HistogramBin(days.GetString(0), days.GetString(0), days.GetInt64(1)));
            }

            return bins;
        }

        if (
            kind is not (ColumnKind.Integer or ColumnKind.NullableInteger or ColumnKind.Money or ColumnKind.Coordinate)
            || basics.Min is null
            || basics.Max is null
        )
        {
            return bins;
        }

        var min = double.Parse(basics.Min, CultureInfo.InvariantCulture);
        var max = double.Parse(basics.Max, CultureInfo.InvariantCulture);
        var width = (max - min) / Bins;
        if (width <= 0)
        {
            return
            [
                new HistogramBin(
                    basics.Min,
                    basics.Max,
                    await ScalarAsync(connection, $"SELECT COUNT({column}) FROM {source}", cancellationToken)
                        .ConfigureAwait(false)
                ),
            ];
        }

        command.CommandText =
            $"SELECT MIN(CAST(({column} - $min) / $width AS INTEGER), {Bins - 1}), COUNT(*) "
            + $"FROM {source} WHERE {column} IS NOT NULL GROUP BY 1 ORDER BY 1";
        command.Parameters.AddWithValue("$min", min);
        command.Parameters.AddWithValue("$width", width);
        var counts = new long[Bins];
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[Math.Clamp(reader.GetInt32(0), 0, Bins - 1)] += reader.GetInt64(1);
            }
        }

        for (var b = 0; b < Bins; b++)
        {
            bins.Add(
                new HistogramBin(Edge(min + b * width), Edge(b == Bins - 1 ? max : min + (b + 1) * width), counts[b])
            );
        }

        return bins;
    }

    private static string Edge(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static async Task<long> ScalarAsync(
        SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken
    )
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture
        );
    }
}
