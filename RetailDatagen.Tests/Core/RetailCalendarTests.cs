using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Options;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class RetailCalendarTests
{
    [Theory]
    [InlineData(2023, "2023-11-23", "2023-04-09", "2023-05-14", "2023-05-29", "2023-09-04")]
    [InlineData(2024, "2024-11-28", "2024-03-31", "2024-05-12", "2024-05-27", "2024-09-02")]
    [InlineData(2025, "2025-11-27", "2025-04-20", "2025-05-11", "2025-05-26", "2025-09-01")]
    [InlineData(2031, "2031-11-27", "2031-04-13", "2031-05-11", "2031-05-26", "2031-09-01")]
    public void Holidays_AreComputedFromTheirRules_ForAnyYear(
        int year,
        string thanksgiving,
        string easter,
        string mothersDay,
        string memorialDay,
        string laborDay
    )
    {
        var holidays = RetailCalendar
            .HolidaysOf(year)
            .GroupBy(h => h.Name)
            .ToDictionary(
                g => g.Key,
                g => g.First().Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );

        Assert.Equal(thanksgiving, holidays["Thanksgiving"]);
        Assert.Equal(
            DateOnly
                .Parse(thanksgiving, System.Globalization.CultureInfo.InvariantCulture)
                .AddDays(1)
                .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            holidays["Black Friday"]
        );
        Assert.Equal(easter, holidays["Easter"]);
        Assert.Equal(mothersDay, holidays["Mother's Day"]);
        Assert.Equal(memorialDay, holidays["Memorial Day"]);
        Assert.Equal(laborDay, holidays["Labor Day"]);
        Assert.Equal($"{year}-12-25", holidays["Christmas Day"]);
        Assert.Contains("Back-to-School", holidays.Keys);
    }

    [Fact]
    public void VolumeShape_SaturdayBusiestWeekday_MondayQuietest_DecemberAboveJanuary_WeekendHoursDiffer()
    {
        var monday = new DateOnly(2024, 6, 3);
        var factors = Enumerable.Range(0, 7).Select(i => RetailCalendar.DayOfWeekFactor(monday.AddDays(i))).ToArray();

        Assert.Equal(0.7, factors[0]);
        Assert.Equal(1.4, factors[5]);
        Assert.Equal(factors.Max(), factors[5]);
        Assert.True(
            RetailCalendar.MonthFactor(new DateOnly(2024, 12, 10))
                > RetailCalendar.MonthFactor(new DateOnly(2024, 1, 10))
        );
        Assert.NotEqual(RetailCalendar.HourWeight(monday, 18), RetailCalendar.HourWeight(monday.AddDays(5), 18));
    }

    [Fact]
    public async Task GeneratedReceipts_PeakOnBlackFriday_AndStoresCloseOnThanksgiving()
    {
        using var temp = new TempDirectory();
        var options = TestRuns.Tiny with
        {
            StartDate = new DateOnly(2024, 11, 25),
            Days = 7,
            Format = OutputFormat.Sqlite,
            CustomersPerStorePerDay = 100,
        };
        await TestRuns.GenerateAsync(
            options,
            temp.Combine("bf"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("bf"));
        var perDay = db.Rows("SELECT substr(EventTS, 1, 10), COUNT(*) FROM fact_receipts GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

        Assert.Equal(perDay.Values.Max(), perDay["2024-11-29"]);
        Assert.False(perDay.ContainsKey("2024-11-28"), "stores are closed on Thanksgiving");
        Assert.Equal(0, db.Scalar("SELECT COUNT(*) FROM fact_store_inventory_txn WHERE EventTS LIKE '2024-11-28%'"));
        Assert.Equal(
            0,
            db.Scalar(
                "SELECT COUNT(*) FROM fact_truck_moves WHERE StoreID IS NOT NULL AND Status = 'ARRIVED' AND EventTS "
                    + "LIKE '2024-11-28%'"
            )
        );
        Assert.True(
            perDay["2024-11-27"] > perDay["2024-11-26"],
            "the day before Thanksgiving is busier than the Tuesday"
        );
        Assert.True(
            perDay["2024-11-29"] > 2 * perDay["2024-11-26"],
            "Black Friday is more than twice a normal Tuesday"
        );
    }

    [Fact]
    public async Task GeneratedReceipts_OnThanksgiving_WhenStoresStayOpen_AreFewerThanTheDayBefore()
    {
        using var temp = new TempDirectory();
        var options = TestRuns.Tiny with
        {
            StartDate = new DateOnly(2024, 11, 26),
            Days = 3,
            Format = OutputFormat.Sqlite,
            CustomersPerStorePerDay = 100,
            ClosedOnHolidays = false,
        };
        await TestRuns.GenerateAsync(
            options,
            temp.Combine("open"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        using var db = TestRuns.Open(temp.Combine("open"));
        var perDay = db.Rows("SELECT substr(EventTS, 1, 10), COUNT(*) FROM fact_receipts GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => (long)r[1]!);

        Assert.True(perDay["2024-11-28"] > 0);
        Assert.True(perDay["2024-11-28"] < perDay["2024-11-27"], "Thanksgiving is quieter than the day before");
    }
}
