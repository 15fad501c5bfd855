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

    /// <summary>
    /// The day's rows of <paramref name="table"/> as <typeparamref name="T"/>, read from the stores' own lists one
    /// after another: the quality checks and the realism meters read every day several times, and a cast enumerator
    /// over the combined list made two interface calls per row.
    /// </summary>
    public DayRows<T> RowsOf<T>(TableInfo table)
        where T : class, IRow => new(Rows[table]);
}

/// <summary>One table's rows of a day, typed; enumerated without an interface call per row (see
/// <see cref="FactDay.RowsOf{T}"/>).</summary>
public readonly struct DayRows<T>(IReadOnlyList<IRow> rows) : IEnumerable<T>
    where T : class, IRow
{
    public Enumerator GetEnumerator() => new(rows is RowSegments segments ? segments.Segments : [rows]);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => Iterate(GetEnumerator());

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => Iterate(GetEnumerator());

    private static IEnumerator<T> Iterate(Enumerator rows)
    {
        while (rows.MoveNext())
        {
            yield return rows.Current;
        }
    }

    /// <summary>Walks the segments in order; a segment that is a <see cref="List{T}"/> of the row type (the
    /// simulators' own lists) is indexed directly.</summary>
    public struct Enumerator(IReadOnlyList<IRow>[] segments)
    {
        private int _segment = -1;
        private int _index;
        private List<T>? _typed;
        private IReadOnlyList<IRow>? _rows;

        public T Current { get; private set; } = null!;

        public bool MoveNext()
        {
            while (true)
            {
                if (_typed is not null && _index < _typed.Count)
                {
                    Current = _typed[_index++];
                    return true;
                }

                if (_typed is null && _rows is not null && _index < _rows.Count)
                {
                    Current = (T)_rows[_index++];
                    return true;
                }

                if (++_segment >= segments.Length)
                {
                    return false;
                }

                _rows = segments[_segment];
                _typed = _rows as List<T>;
                _index = 0;
            }
        }
    }
}

/// <summary>
/// A day's rows of one table as the stores (or DCs) made them, read as one list in node order without being copied
/// into one: a copy was the largest array of the day, made only to be cut into batches again.
/// </summary>
internal sealed class RowSegments(IEnumerable<IReadOnlyList<IRow>> segments) : IReadOnlyList<IRow>
{
    private readonly IReadOnlyList<IRow>[] _segments = [.. segments];

    /// <summary>The lists read as one, in order.</summary>
    public IReadOnlyList<IRow>[] Segments => _segments;

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
