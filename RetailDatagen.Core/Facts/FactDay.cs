using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Facts;

/// <summary>One simulated day's rows per fact table, in write order, and the day's stockout count.</summary>
public sealed class FactDay
{
    public required DateOnly Date { get; init; }
    public required IReadOnlyDictionary<TableInfo, IReadOnlyList<IRow>> Rows { get; init; }
    public required int Stockouts { get; init; }
}

/// <summary>
/// A day's rows of one table as the stores (or DCs) made them, read as one list in node order without being copied
/// into one: a copy was the largest array of the day, made only to be cut into batches again.
/// </summary>
internal sealed class RowSegments : IReadOnlyList<IRow>
{
    private readonly IReadOnlyList<IRow>[] _segments;
    private readonly int[] _starts;

    public RowSegments(IEnumerable<IReadOnlyList<IRow>> segments)
    {
        _segments = [.. segments];
        _starts = new int[_segments.Length];
        for (var i = 0; i < _segments.Length; i++)
        {
            _starts[i] = Count;
            Count += _segments[i].Count;
        }
    }

    public int Count { get; }

    public IRow this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            // The last segment that starts at or before the index and is not empty holds it.
            var segment = Array.BinarySearch(_starts, index);
            segment = segment >= 0 ? segment : ~segment - 1;
            while (_segments[segment].Count == 0 || _starts[segment] > index)
            {
                segment++;
            }

            return _segments[segment][index - _starts[segment]];
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
