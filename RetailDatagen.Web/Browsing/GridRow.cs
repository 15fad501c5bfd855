using System.Globalization;
using System.Linq.Expressions;

namespace RetailDatagen.Web.Browsing;

/// <summary>
/// A row of any table for <c>MudDataGrid</c>. The grid names a sort by the property a column is bound to, so every
/// column binds to a fixed slot (<c>C00</c>, <c>C01</c>…) and a sort maps back to a column index, then to the
/// table's own column name: the grid never hands user text to the SQL.
/// </summary>
public sealed class GridRow(IReadOnlyList<string?> cells)
{
    /// <summary>Slots available; the widest table (products) has 12 columns.</summary>
    public const int MaxColumns = 16;

    public static IReadOnlyList<Expression<Func<GridRow, string?>>> Slots { get; } =
    [
        r => r.C00,
        r => r.C01,
        r => r.C02,
        r => r.C03,
        r => r.C04,
        r => r.C05,
        r => r.C06,
        r => r.C07,
        r => r.C08,
        r => r.C09,
        r => r.C10,
        r => r.C11,
        r => r.C12,
        r => r.C13,
        r => r.C14,
        r => r.C15,
    ];

    public string? C00 => Cell(0);

    public string? C01 => Cell(1);

    public string? C02 => Cell(2);

    public string? C03 => Cell(3);

    public string? C04 => Cell(4);

    public string? C05 => Cell(5);

    public string? C06 => Cell(6);

    public string? C07 => Cell(7);

    public string? C08 => Cell(8);

    public string? C09 => Cell(9);

    public string? C10 => Cell(10);

    public string? C11 => Cell(11);

    public string? C12 => Cell(12);

    public string? C13 => Cell(13);

    public string? C14 => Cell(14);

    public string? C15 => Cell(15);

    /// <summary>The text of a column by index (null past the row's end).</summary>
    public string? this[int index] => Cell(index);

    /// <summary>The column index of a slot name such as <c>C03</c>, or null for anything else.</summary>
    public static int? IndexOf(string? slot) =>
        slot is { Length: 3 }
        && slot[0] == 'C'
        && int.TryParse(slot.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < MaxColumns
            ? index
            : null;

    private string? Cell(int index) => index < cells.Count ? cells[index] : null;
}
