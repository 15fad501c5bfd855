using RetailDatagen.Core.Model;
using RetailDatagen.Web.Browsing;

namespace RetailDatagen.Tests.Web.Browsing;

public sealed class GridRowTests
{
    [Fact]
    public void Slots_HoldEveryColumnOfTheWidestTable() =>
        Assert.All(
            Tables.All,
            t => Assert.True(t.Columns.Count <= GridRow.MaxColumns, $"{t.Name} has {t.Columns.Count} columns.")
        );

    [Fact]
    public void Slots_ReadTheCellsInColumnOrder()
    {
        var row = new GridRow(["a", "b", null]);

        Assert.Equal(["a", "b", null, null], GridRow.Slots.Take(4).Select(s => s.Compile()(row)));
    }

    [Theory]
    [InlineData("C00", 0)]
    [InlineData("C11", 11)]
    [InlineData("C15", 15)]
    public void IndexOf_SlotName_IsItsColumnIndex(string slot, int index) => Assert.Equal(index, GridRow.IndexOf(slot));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ID")]
    [InlineData("C3")]
    [InlineData("C16")]
    [InlineData("C-1")]
    [InlineData("c01")]
    [InlineData("C01; DROP TABLE dim_customers")]
    public void IndexOf_AnythingElse_IsNull(string? slot) => Assert.Null(GridRow.IndexOf(slot));
}
