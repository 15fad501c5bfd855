using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Runs;

/// <summary>The numbers the Run page shows: phases, the overall fraction and the smoothed ETA.</summary>
public sealed class RunProgressModelTests
{
    [Fact]
    public void Eta_IsHiddenUntilTheRunHasGoneOnLongEnough_ThenFollowsTheSmoothedRate()
    {
        var eta = new EtaEstimator();

        Assert.Null(eta.Update(0.1, 0.001));
        Assert.Null(eta.Update(1.5, 0.01));
        Assert.Null(eta.Update(2.6, 0.02));

        // A steady 1% per second: about 96 s left at 4% done.
        var estimate = eta.Update(4, 0.04);
        Assert.NotNull(estimate);
        Assert.InRange(estimate.Value, 80, 110);
    }

    [Fact]
    public void Eta_IsNeverNegative_EvenWhenTheRowsOvershootThePlan()
    {
        var eta = new EtaEstimator();
        double? last = null;
        for (var second = 0; second <= 20; second++)
        {
            last = eta.Update(second, Math.Min(1.2, second * 0.08));
            Assert.True(last is null or >= 0, $"ETA {last} at {second} s");
        }

        Assert.Equal(0, last);
    }

    [Fact]
    public void Eta_OneSlowSecond_DoesNotMakeItJump()
    {
        var eta = new EtaEstimator();
        for (var second = 0; second <= 10; second++)
        {
            eta.Update(second, second * 0.05);
        }

        var before = eta.Update(11, 0.55)!.Value;
        var after = eta.Update(12, 0.551)!.Value;

        Assert.InRange(after, before, before * 1.6);
    }

    [Fact]
    public void LiveRun_ReportsPhases_AndTheOverallFractionReachesOneOnlyWhenCompleted()
    {
        using var run = new LiveRun("20250101-120000-abcd", TestRuns.Tiny, 1, TimeProvider.System);
        Assert.True(run.TryStart());
        foreach (var table in run.ToSnapshot(0).Tables)
        {
            run.Report(
                new TableProgress(
                    table.Name,
                    table.Title,
                    table.Stage,
                    table.RowsPlanned,
                    table.RowsPlanned,
                    TableState.Completed,
                    1
                )
            );
        }

        run.Report(new PhaseProgress(RunPhase.Generating, "Generating tables", TableState.Running, 0, 0));
        run.Report(new PhaseProgress(RunPhase.BuildingIndexes, "Building indexes", TableState.Running, 0.5, 0.2));
        var finishing = run.ToSnapshot(0);

        Assert.Equal(TableState.Completed, finishing.Phases.Single(p => p.Phase == RunPhase.Generating).State);
        Assert.Equal(RunPhase.BuildingIndexes, finishing.CurrentPhase!.Phase);
        Assert.Equal(0.5, finishing.CurrentPhase.Fraction);
        Assert.Equal(TableState.Pending, finishing.Phases.Single(p => p.Phase == RunPhase.Committing).State);
        Assert.InRange(finishing.Fraction, 0.85, 0.99);

        run.Report(new PhaseProgress(RunPhase.Committing, "Committing the run", TableState.Completed, 1, 0.1));
        Assert.True(run.ToSnapshot(0).Fraction < 1, "A run still running showed 100%.");
    }

    [Fact]
    public void LiveRun_FailedMidPhase_MarksThatPhaseFailed()
    {
        using var run = new LiveRun("20250101-120000-abcd", TestRuns.Tiny, 1, TimeProvider.System);
        run.TryStart();
        run.Report(new PhaseProgress(RunPhase.CheckingKeys, "Checking foreign keys", TableState.Running, 0, 0));

        run.Fail(RunStatus.Failed, "disk full");

        var snapshot = run.ToSnapshot(0);
        Assert.Equal(TableState.Failed, snapshot.Phases.Single(p => p.Phase == RunPhase.CheckingKeys).State);
        Assert.True(snapshot.Fraction < 1);
    }

    [Fact]
    public void PlannedPhases_SkipIndexesAndKeysWithoutSqlite()
    {
        var phases = PhaseSnapshot.PlannedFor(
            TestRuns.Tiny with
            {
                Format = RetailDatagen.Core.Options.OutputFormat.Csv,
            }
        );

        Assert.Equal([RunPhase.Generating, RunPhase.Reports, RunPhase.Committing], phases.Select(p => p.Phase));
    }
}
