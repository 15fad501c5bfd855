using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>One simulated day's rows per fact table, in write order, and the day's stockout count.</summary>
public sealed class FactDay
{
    public required DateOnly Date { get; init; }
    public required IReadOnlyDictionary<TableInfo, IReadOnlyList<IRow>> Rows { get; init; }
    public required int Stockouts { get; init; }
}
