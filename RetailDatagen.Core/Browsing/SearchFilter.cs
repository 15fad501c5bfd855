using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>
/// The WHERE clause of a grid view: the search (text, date and timestamp columns that contain the text, LIKE and
/// case-insensitive for ASCII; integer and money columns equal to it when it is a number; boolean columns when it
/// is true/false), optionally limited to one column, AND every column filter. The SQL names only the table's own
/// columns; the user's text travels in parameters.
/// </summary>
internal sealed class SearchFilter
{
    private readonly List<(string Name, object Value)> _parameters = [];

    private SearchFilter() { }

    /// <summary>Empty, or " WHERE (...)" with a leading space.</summary>
    public string Where { get; private set; } = "";

    /// <exception cref="ArgumentException">A column that is not the table's, or a value the column cannot
    /// hold.</exception>
    public static SearchFilter Build(
        TableInfo table,
        string search,
        string? searchColumn = null,
        IReadOnlyList<ColumnFilter>? filters = null
    )
    {
        var filter = new SearchFilter();
        var clauses = new List<string>();
        if (search.Length > 0)
        {
            var only = searchColumn is null ? -1 : IndexOf(table, searchColumn);
            clauses.Add(filter.SearchClause(table, search, only));
        }

        foreach (var (item, i) in (filters ?? []).Select((f, i) => (f, i)))
        {
            clauses.Add(filter.FilterClause(table, item, i));
        }

        filter.Where = clauses.Count == 0 ? "" : " WHERE " + string.Join(" AND ", clauses);
        return filter;
    }

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }

    internal static int IndexOf(TableInfo table, string column)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (table.Columns[i] == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"'{column}' is not a column of {table.Name}.", nameof(column));
    }

    private string SearchClause(TableInfo table, string search, int only)
    {
        var terms = new List<string>();
        var isInteger = long.TryParse(
            search,
            NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture,
            out var integer
        );
        var isNumber = double.TryParse(
            search,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture,
            out var number
        );
        bool? flag =
            search.Equals(TextFormats.True, StringComparison.OrdinalIgnoreCase) ? true
            : search.Equals(TextFormats.False, StringComparison.OrdinalIgnoreCase) ? false
            : null;

        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (only >= 0 && i != only)
            {
                continue;
            }

            var column = TableBrowser.Quote(table.Columns[i]);
            switch (table.Kinds[i])
            {
                case ColumnKind.Text or ColumnKind.NullableText or ColumnKind.Date or ColumnKind.Timestamp:
                    terms.Add($"{column} LIKE {Add("$like", "%" + EscapeLike(search) + "%")} ESCAPE '\\'");
                    break;
                case ColumnKind.Integer or ColumnKind.NullableInteger when isInteger:
                    terms.Add($"{column} = {Add("$int", integer)}");
                    break;
                case ColumnKind.Money when isNumber:
                    terms.Add($"round({column}, 2) = round({Add("$num", number)}, 2)");
                    break;
                case ColumnKind.Coordinate when isNumber:
                    terms.Add($"round({column}, 4) = round({Add("$num", number)}, 4)");
                    break;
                case ColumnKind.Boolean when flag is not null:
                    terms.Add($"{column} = {Add("$flag", flag.Value ? 1 : 0)}");
                    break;
            }
        }

        // A search that no column can match (e.g. letters on an all-numeric table) matches nothing.
        return terms.Count == 0 ? "0" : "(" + string.Join(" OR ", terms) + ")";
    }

    private string FilterClause(TableInfo table, ColumnFilter filter, int index)
    {
        var ordinal = IndexOf(table, filter.Column);
        var kind = table.Kinds[ordinal];
        var column = TableBrowser.Quote(filter.Column);
        var name = "$f" + index.ToString(CultureInfo.InvariantCulture);
        switch (filter.Operator)
        {
            case FilterOperator.IsEmpty:
                return $"({column} IS NULL OR {column} = '')";
            case FilterOperator.Contains:
                return $"{column} LIKE {Add(name, "%" + EscapeLike(filter.Value ?? "") + "%")} ESCAPE '\\'";
            case FilterOperator.StartsWith:
                return $"{column} LIKE {Add(name, EscapeLike(filter.Value ?? "") + "%")} ESCAPE '\\'";
        }

        var left = kind switch
        {
            ColumnKind.Money => $"round({column}, 2)",
            _ => column,
        };
        var value = Add(name, Typed(filter.Column, kind, filter.Value));
        return filter.Operator switch
        {
            FilterOperator.Equal => $"{left} = {value}",
            FilterOperator.NotEqual => $"({left} IS NULL OR {left} <> {value})",
            FilterOperator.Less => $"{left} < {value}",
            FilterOperator.LessOrEqual => $"{left} <= {value}",
            FilterOperator.Greater => $"{left} > {value}",
            FilterOperator.GreaterOrEqual => $"{left} >= {value}",
            FilterOperator.Between =>
                $"{left} BETWEEN {value} AND {Add(name + "b", Typed(filter.Column, kind, filter.Value2))}",
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Operator, "Unknown filter operator."),
        };
    }

    /// <summary>The filter value as the column's SQLite type, so comparisons are numeric where they should
    /// be.</summary>
    private static object Typed(string column, ColumnKind kind, string? text)
    {
        var value = text?.Trim() ?? "";
        switch (kind)
        {
            case ColumnKind.Integer or ColumnKind.NullableInteger:
                return long.TryParse(
                    value,
                    NumberStyles.AllowLeadingSign,
                    CultureInfo.InvariantCulture,
                    out var integer
                )
                    ? integer
                    : throw new ArgumentException($"{column} needs a whole number (got '{value}').", nameof(text));
            case ColumnKind.Money or ColumnKind.Coordinate:
                return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                    ? kind == ColumnKind.Money
                        ? Math.Round(number, 2)
                        : number
                    : throw new ArgumentException(
                        $"{column} needs a number such as 12.50 (got '{value}').",
                        nameof(text)
                    );
            case ColumnKind.Boolean:
                return value.Equals(TextFormats.True, StringComparison.OrdinalIgnoreCase) ? 1
                    : value.Equals(TextFormats.False, StringComparison.OrdinalIgnoreCase) ? 0
                    : throw new ArgumentException($"{column} is true or false (got '{value}').", nameof(text));
            default:
                return value;
        }
    }

    private string Add(string name, object value)
    {
        if (!_parameters.Exists(p => p.Name == name))
        {
            _parameters.Add((name, value));
        }

        return name;
    }

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
