using System.Globalization;

namespace RetailDatagen.Core.Browsing;

/// <summary>The comparisons a column filter offers.</summary>
public enum FilterOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Between,
    Contains,
    StartsWith,
    IsEmpty,
}

/// <summary>
/// One column filter of the grid (e.g. <c>Total ≥ 100</c>). The column must be one of the table's own; the values
/// are always bound as parameters. <see cref="Format"/>/<see cref="TryParse"/> give the compact form used in URLs
/// and the JSON API: <c>Column~op~value[~value2]</c>, e.g. <c>Total~ge~100</c> or <c>Region~eq~West</c>.
/// </summary>
public sealed record ColumnFilter(string Column, FilterOperator Operator, string? Value = null, string? Value2 = null)
{
    private static readonly (FilterOperator Op, string Code, string Symbol)[] Codes =
    [
        (FilterOperator.Equal, "eq", "="),
        (FilterOperator.NotEqual, "ne", "≠"),
        (FilterOperator.Less, "lt", "<"),
        (FilterOperator.LessOrEqual, "le", "≤"),
        (FilterOperator.Greater, "gt", ">"),
        (FilterOperator.GreaterOrEqual, "ge", "≥"),
        (FilterOperator.Between, "between", "between"),
        (FilterOperator.Contains, "contains", "contains"),
        (FilterOperator.StartsWith, "starts", "starts with"),
        (FilterOperator.IsEmpty, "empty", "is empty"),
    ];

    /// <summary>Every operator with its URL code and the symbol people read.</summary>
    public static IReadOnlyList<(FilterOperator Op, string Code, string Symbol)> Operators => Codes;

    public static string SymbolOf(FilterOperator op) => Codes.First(c => c.Op == op).Symbol;

    /// <summary>The URL form, e.g. <c>Total~ge~100</c>.</summary>
    public string Format()
    {
        var code = Codes.First(c => c.Op == Operator).Code;
        var text = $"{Column}~{code}";
        if (Operator != FilterOperator.IsEmpty)
        {
            text += "~" + Value;
        }

        return Operator == FilterOperator.Between ? text + "~" + Value2 : text;
    }

    /// <summary>Reads the URL form; false for anything malformed (the caller ignores it or reports it).</summary>
    public static bool TryParse(string? text, out ColumnFilter filter)
    {
        filter = null!;
        var parts = text?.Split('~') ?? [];
        if (parts.Length < 2 || parts[0].Length == 0)
        {
            return false;
        }

        var match = Codes.FirstOrDefault(c => c.Code.Equals(parts[1], StringComparison.OrdinalIgnoreCase));
        if (match.Code is null)
        {
            return false;
        }

        var needed = match.Op switch
        {
            FilterOperator.IsEmpty => 2,
            FilterOperator.Between => 4,
            _ => 3,
        };
        if (parts.Length < needed)
        {
            return false;
        }

        // A value may itself hold '~': everything after the operator belongs to it (between splits once more).
        var rest = string.Join('~', parts.Skip(2));
        filter = match.Op switch
        {
            FilterOperator.IsEmpty => new ColumnFilter(parts[0], match.Op),
            FilterOperator.Between => new ColumnFilter(parts[0], match.Op, parts[2], string.Join('~', parts.Skip(3))),
            _ => new ColumnFilter(parts[0], match.Op, rest),
        };
        return true;
    }

    public override string ToString() =>
        Operator switch
        {
            FilterOperator.IsEmpty => $"{Column} is empty",
            FilterOperator.Between => $"{Column} between {Value} and {Value2}",
            _ => $"{Column} {SymbolOf(Operator)} {Value}",
        };

    internal static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
