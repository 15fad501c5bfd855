using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Browsing;

/// <summary>
/// The WHERE clause of a search: text, date and timestamp columns that contain the text (LIKE, case-insensitive
/// for ASCII), integer and money columns equal to it when it is a number, boolean columns when it is true/false.
/// The SQL names only the table's own columns; the user's text travels in parameters.
/// </summary>
internal sealed class SearchFilter
{
    private readonly List<(string Name, object Value)> _parameters = [];

    private SearchFilter(string where) => Where = where;

    /// <summary>Empty, or " WHERE (...)" with a leading space.</summary>
    public string Where { get; private set; }

    public static SearchFilter Build(TableInfo table, string search)
    {
        if (search.Length == 0)
        {
            return new SearchFilter("");
        }

        var filter = new SearchFilter("");
        var terms = new List<string>();
        var isInteger = long.TryParse(search, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer);
        var isNumber = double.TryParse(search, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number);
        bool? flag = search.Equals(TextFormats.True, StringComparison.OrdinalIgnoreCase) ? true
            : search.Equals(TextFormats.False, StringComparison.OrdinalIgnoreCase) ? false : null;

        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = TableBrowser.Quote(table.Columns[i]);
            switch (table.Kinds[i])
            {
                case ColumnKind.Text or ColumnKind.Date or ColumnKind.Timestamp:
                    terms.Add($"{column} LIKE {filter.Add("$like", "%" + EscapeLike(search) + "%")} ESCAPE '\\'");
                    break;
                case ColumnKind.Integer or ColumnKind.NullableInteger when isInteger:
                    terms.Add($"{column} = {filter.Add("$int", integer)}");
                    break;
                case ColumnKind.Money when isNumber:
                    terms.Add($"round({column}, 2) = round({filter.Add("$num", number)}, 2)");
                    break;
                case ColumnKind.Coordinate when isNumber:
                    terms.Add($"round({column}, 4) = round({filter.Add("$num", number)}, 4)");
                    break;
                case ColumnKind.Boolean when flag is not null:
                    terms.Add($"{column} = {filter.Add("$flag", flag.Value ? 1 : 0)}");
                    break;
            }
        }

        // A search that no column can match (e.g. letters on an all-numeric table) matches nothing.
        filter.Where = terms.Count == 0 ? " WHERE 0" : " WHERE (" + string.Join(" OR ", terms) + ")";
        return filter;
    }

    public void Bind(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
        {
            command.Parameters.AddWithValue(name, value);
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
