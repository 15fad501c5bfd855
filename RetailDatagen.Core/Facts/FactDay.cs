using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>One simulated day's rows per fact table, in write order, and the day's stockout count.</summary>
public sealed class FactDay
{
    public required DateOnly Date { get; init; }
    public required IReadOnlyDictionary<TableInfo, IReadOnlyList<IRow>> Rows { get; init; }
    public required int Stockouts { get; init; }

    /// <summary>The run's last day: once its rows are handed to the database, the indexes can be built.</summary>
    public bool IsLast { get; init; }
}

/// <summary>
/// A day's rows of one table as the stores (or DCs) made them, read as one list in node order without being copied
/// into one: a copy was the largest array of the day, made only to be cut into batches again.
/// </summary>
internal sealed class RowSegments(IEnumerable<IReadOnlyList<IRow>> segments) : IReadOnlyList<IRow>
{
    private readonly IReadOnlyList<IRow>[] _segments = [.. segments];

    public int Count => _segments.Sum(s => s.Count);

    /// <summary>A row by its place in the day, found by walking the segments (the day is read by enumerating it;
    /// the index is there for the list's contract).</summary>
    public IRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            foreach (var segment in _segments)
            {
                if (index < segment.Count)
                {
                    return segment[index];
                }

                index -= segment.Count;
            }

            throw new ArgumentOutOfRangeException(nameof(index), "The index is past the day's last row.");
        }
    }

    public IEnumerator<IRow> GetEnumerator()
    {
        foreach (var segment in _segments)
        {
            for (var i = 0; i < segment.Count; i++)
            {
                yield return segment[i];
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
