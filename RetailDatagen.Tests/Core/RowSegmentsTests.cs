using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Tests.Core;

/// <summary>A day's rows are the stores' own lists read as one: every row once, in store order, by index too, with
/// stores that made no rows (closed, or no deliveries) anywhere among them.</summary>
public sealed class RowSegmentsTests
{
    private static List<IRow> Rows(string prefix, int count) =>
        [.. Enumerable.Range(1, count).Select(i => (IRow)new Receipt { ReceiptId = $"{prefix}{i}" })];

    [Fact]
    public void RowSegments_ReadTheListsInOrder_ByEnumerationAndByIndex_SkippingEmptyOnes()
    {
        List<IRow>[] stores = [[], Rows("A", 3), [], [], Rows("B", 2), [], Rows("C", 1), []];
        var expected = stores.SelectMany(s => s).Select(r => ((Receipt)r).ReceiptId).ToList();

        var day = new RowSegments(stores);

        Assert.Equal(["A1", "A2", "A3", "B1", "B2", "C1"], expected);
        Assert.Equal(expected.Count, day.Count);
        Assert.Equal(expected, day.Select(r => ((Receipt)r).ReceiptId));
        Assert.Equal(expected, Enumerable.Range(0, day.Count).Select(i => ((Receipt)day[i]).ReceiptId));
        Assert.Throws<ArgumentOutOfRangeException>(() => day[day.Count]);
        Assert.Throws<ArgumentOutOfRangeException>(() => day[-1]);
    }

    [Fact]
    public void RowsOf_ReadsTypedAndUntypedListsInOrder_ByForeachAndByLinq()
    {
        static List<Receipt> Typed(string prefix, int count) =>
            [.. Enumerable.Range(1, count).Select(i => new Receipt { ReceiptId = $"{prefix}{i}" })];

        // The simulators' typed lists, an untyped one and empty ones as one table's day; another table as a plain list.
        IReadOnlyList<IRow>[] stores = [Typed("A", 2), [], Rows("B", 2), Typed("C", 1), []];
        var day = new FactDay
        {
            Date = new DateOnly(2025, 1, 1),
            Stockouts = 0,
            Rows = new Dictionary<TableInfo, IReadOnlyList<IRow>>
            {
                [Tables.Receipts] = new RowSegments(stores),
                [Tables.ReceiptLines] = Rows("L", 2),
            },
        };

        var read = new List<string>();
        foreach (var receipt in day.RowsOf<Receipt>(Tables.Receipts))
        {
            read.Add(receipt.ReceiptId);
        }

        Assert.Equal(["A1", "A2", "B1", "B2", "C1"], read);
        Assert.Equal(read, day.RowsOf<Receipt>(Tables.Receipts).Select(r => r.ReceiptId));
        Assert.Equal(["L1", "L2"], day.RowsOf<Receipt>(Tables.ReceiptLines).Select(r => r.ReceiptId));
        var closed = new FactDay
        {
            Date = day.Date,
            Stockouts = 0,
            Rows = new Dictionary<TableInfo, IReadOnlyList<IRow>> { [Tables.Receipts] = new RowSegments([[], []]) },
        };
        Assert.Empty(closed.RowsOf<Receipt>(Tables.Receipts));
    }

    [Fact]
    public void RowSegments_OfNoRows_IsEmpty()
    {
        var day = new RowSegments([[], []]);

        Assert.Empty(day);
        Assert.Throws<ArgumentOutOfRangeException>(() => day[0]);
    }
}
