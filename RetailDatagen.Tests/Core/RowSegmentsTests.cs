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
    public void RowSegments_OfNoRows_IsEmpty()
    {
        var day = new RowSegments([[], []]);

        Assert.Empty(day);
        Assert.Throws<ArgumentOutOfRangeException>(() => day[0]);
    }
}
