namespace RetailDatagen.Core.Facts;

/// <summary>One posting to a node's inventory, with the balance it leaves.</summary>
internal readonly record struct LedgerEntry(
    int Sequence,
    DateTime Time,
    int Product,
    int Delta,
    string Reason,
    string Source,
    int Balance
);

/// <summary>
/// A node's inventory as it changes through the day: every posting updates the stock and becomes one transaction
/// row, in posting order, so Balance = start + running Σ QtyDelta by construction. Stores and DCs share it; only
/// the row type differs. <paramref name="capacity"/> is the number of postings expected: the day's rows go into one
/// list, sized once rather than grown.
/// </summary>
internal sealed class InventoryLedger<TRow>(int[] stock, Func<LedgerEntry, TRow> toRow, int capacity = 0)
{
    public List<TRow> Rows { get; } = new(capacity);

    public int OnHand(int product) => stock[product];

    public void Post(DateTime time, int product, int delta, string reason, string source)
    {
        stock[product] += delta;
        Rows.Add(toRow(new LedgerEntry(Rows.Count + 1, time, product, delta, reason, source, stock[product])));
    }

    /// <summary>Takes up to <paramref name="wanted"/> units (never below zero); returns what was taken.</summary>
    public int Take(DateTime time, int product, int wanted, string reason, string source)
    {
        var take = Math.Min(wanted, stock[product]);
        if (take > 0)
        {
            Post(time, product, -take, reason, source);
        }

        return take;
    }
}

/// <summary>
/// An event of a node's day. Events apply in time order; at equal times, deliveries before sales (a kind's rank),
/// then in draw order, so the result never depends on how the lists were built.
/// </summary>
internal readonly record struct NodeEvent(DateTime Time, int Rank, int Index) : IComparable<NodeEvent>
{
    public int CompareTo(NodeEvent other) =>
        Time != other.Time ? Time.CompareTo(other.Time)
        : Rank != other.Rank ? Rank.CompareTo(other.Rank)
        : Index.CompareTo(other.Index);
}
