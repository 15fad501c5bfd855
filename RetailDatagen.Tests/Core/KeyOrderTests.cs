using RetailDatagen.Core.Model;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// Every table is written in key order, so rowid order is key order: the results grid pages a filtered view through
/// the rowids of the filter's index instead of sorting whole rows.
/// </summary>
public sealed class KeyOrderTests(SmallDataset dataset)
{
    public static TheoryData<string> TableNames() => [.. Tables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(TableNames))]
    public void Table_RowidOrder_IsKeyOrder(string tableName)
    {
        var table = Tables.FindByName(tableName)!;
        using var db = TestRuns.Open(dataset.Directory);

        var rows = db.Scalar($"SELECT COUNT(*) FROM \"{table.Name}\"");
        var outOfOrder = db.Scalar(
            $"""
            SELECT COUNT(*) FROM (SELECT ROW_NUMBER() OVER (ORDER BY {table.OrderBy}) AS k,
                              ROW_NUMBER() OVER (ORDER BY rowid) AS n FROM "{table.Name}")
            WHERE k <> n
            """
        );

        Assert.True(rows > 0, $"{table.Name} has rows");
        Assert.Equal(0, outOfOrder);
    }
}
