using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class UniquenessAtScaleTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Identifiers_AreUnique_At500000Customers_AndTheUniqueIndexesExist()
    {
        var options = Presets.Standard with
        {
            Stores = 30,
            Products = 2_000,
            Format = OutputFormat.Sqlite,
            GenerateFacts = false,
            Seed = 7,
        };
        await TestRuns.GenerateAsync(
            options,
            _temp.Combine("run"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(_temp.Combine("run"));

        Assert.Equal(500_000, db.Scalar("SELECT COUNT(*) FROM dim_customers"));
        foreach (
            var (table, column) in new[]
            {
                ("dim_customers", "LoyaltyCard"),
                ("dim_customers", "BLEId"),
                ("dim_customers", "AdId"),
                ("dim_stores", "StoreNumber"),
                ("dim_distribution_centers", "DCNumber"),
                ("dim_trucks", "LicensePlate"),
            }
        )
        {
            Assert.Equal(
                db.Scalar($"SELECT COUNT(*) FROM {table}"),
                db.Scalar($"SELECT COUNT(DISTINCT {column}) FROM {table}")
            );
            var unique = db.Rows($"PRAGMA index_list({table})")
                .Where(i => (long)i[2]! == 1)
                .SelectMany(i => db.Rows($"PRAGMA index_info(\"{i[1]}\")").Select(c => (string)c[2]!));
            Assert.Contains(column, unique);
        }

        Assert.Equal(2_000, db.Scalar("SELECT COUNT(*) FROM (SELECT DISTINCT ProductName, Brand FROM dim_products)"));
    }

    public void Dispose() => _temp.Dispose();
}
