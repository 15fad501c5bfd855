using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;

namespace RetailDatagen.Tests.Core;

public sealed class FactSimulationTests
{
    [Fact]
    public async Task Run_MarksTheLastDayOnly_SoTheDatabaseCanBuildItsIndexesBehindIt()
    {
        var options = TestRuns.Tiny;
        var days = new List<FactDay>();
        await new FactSimulation(new MasterPlan(options)).RunAsync(
            (day, _) =>
            {
                days.Add(day);
                return ValueTask.CompletedTask;
            },
            TestContext.Current.CancellationToken
        );

        Assert.Equal(
            Enumerable.Range(0, options.Days).Select(i => options.StartDate.AddDays(i)),
            days.Select(d => d.Date)
        );
        Assert.Equal([.. Enumerable.Repeat(false, options.Days - 1), true], days.Select(d => d.IsLast));
    }
}
