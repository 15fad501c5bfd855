using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class ZipSpreadTests
{
    [Fact]
    public async Task AllGeographies_TheFiveLargestPlacesShowFiveZips_AndCsvKeepsLeadingZeros()
    {
        using var temp = new TempDirectory();
        var options = TestRuns.Tiny with
        {
            Geographies = 633,
            Stores = 300,
            Customers = 20_000,
            GenerateFacts = false,
            Format = OutputFormat.Both,
        };
        await TestRuns.GenerateAsync(
            options,
            temp.Combine("z"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("z"));

        var largest = db.Rows(
            "SELECT g.City, COUNT(DISTINCT c.ZipCode) FROM dim_customers c JOIN dim_geographies g ON g.ID = "
                + "c.GeographyID "
                + "WHERE (g.City, g.State) IN (VALUES ('New York','NY'), ('Los Angeles','CA'), ('Chicago','IL'), "
                + "('Houston','TX'), ('Phoenix','AZ')) "
                + "GROUP BY g.ID"
        );
        Assert.Equal(5, largest.Count);
        Assert.All(largest, r => Assert.True((long)r[1]! >= 5, $"{r[0]} shows {r[1]} ZIPs"));

        var leadingZero = db.Rows("SELECT ID, ZipCode FROM dim_customers WHERE ZipCode LIKE '0%' ORDER BY ID LIMIT 1")
            .Single();
        var csv = File.ReadLines(TestRuns.CsvPath(temp.Combine("z"), Tables.Customers)).ToList();
        Assert.StartsWith(
            "ID,FirstName,LastName,Address,GeographyID,LoyaltyCard,Phone,BLEId,AdId,ZipCode,Latitude,Longitude,"
                + "HomeStoreID,BirthYear",
            csv[0]
        );
        Assert.Contains($",{leadingZero[1]},", csv[(int)(long)leadingZero[0]!]);
        Assert.Equal(
            0,
            db.Scalar("SELECT COUNT(*) FROM dim_customers WHERE length(ZipCode) <> 5 OR typeof(ZipCode) <> 'text'")
        );
    }
}
