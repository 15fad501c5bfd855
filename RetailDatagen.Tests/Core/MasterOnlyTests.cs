using RetailDatagen.Core.Model;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class MasterOnlyTests
{
    [Fact]
    public async Task GenerateFactsOff_WritesOnlyTheMasterTables()
    {
        using var temp = new TempDirectory();
        var manifest = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                GenerateFacts = false,
            },
            temp.Combine("m"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("m"));

        Assert.Equal(Tables.Master.Select(t => t.Name), manifest.Tables.Select(t => t.Name));
        // + datapackage.json
        Assert.Equal(Tables.Master.Count + 1, Directory.GetFiles(temp.Combine("m", "csv")).Length);
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM fact_receipts"));
        Assert.Equal(["foreign_keys"], manifest.Quality.Select(q => q.Check));
    }
}
