using System.Collections.Concurrent;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class RunPhaseTests : IDisposable
{
    private static readonly RunPhase[] EveryPhase =
    [
        RunPhase.Generating,
        RunPhase.BuildingIndexes,
        RunPhase.CheckingKeys,
        RunPhase.Reports,
        RunPhase.Committing,
    ];

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Run_ReportsEveryPhaseInOrder_RunningThenCompleted()
    {
        var progress = new PhaseRecorder();
        await TestRuns.GenerateAsync(
            TestRuns.Tiny,
            _temp.Combine("run"),
            progress,
            TestContext.Current.CancellationToken
        );

        var phases = progress.Phases.ToList();
        Assert.Equal(EveryPhase, phases.Select(p => p.Phase).Distinct());
        foreach (var group in phases.GroupBy(p => p.Phase))
        {
            var reports = group.ToList();
            Assert.Equal(TableState.Running, reports[0].State);
            Assert.Equal(0, reports[0].Fraction);
            Assert.Equal(TableState.Completed, reports[^1].State);
            Assert.Equal(1, reports[^1].Fraction);
            Assert.Single(reports, r => r.State == TableState.Completed);
            Assert.False(string.IsNullOrWhiteSpace(reports[0].Title));
            Assert.All(reports.Zip(reports.Skip(1)), pair => Assert.True(pair.Second.Fraction >= pair.First.Fraction));
        }

        // A phase starts only after the previous one completed.
        var order = phases.Select(p => (p.Phase, p.State)).ToList();
        Assert.All(
            order.Zip(order.Skip(1)).Where(pair => pair.First.Phase != pair.Second.Phase),
            pair => Assert.Equal(TableState.Completed, pair.First.State)
        );

        // One report per index built, each a step towards 1.
        var indexSteps = phases
            .Where(p => p.Phase == RunPhase.BuildingIndexes && p.State == TableState.Running)
            .Skip(1)
            .ToList();
        Assert.NotEmpty(indexSteps);
        Assert.Equal(1, indexSteps[^1].Fraction);
    }

    [Fact]
    public async Task MasterOnlyRun_StillBuildsItsIndexesAsAPhaseOfItsOwn()
    {
        var progress = new PhaseRecorder();
        var options = TestRuns.Tiny with { GenerateFacts = false };
        await TestRuns.GenerateAsync(options, _temp.Combine("master"), progress, TestContext.Current.CancellationToken);

        Assert.Equal(EveryPhase, progress.Phases.Select(p => p.Phase).Distinct());
        Assert.Equal(TableState.Completed, progress.Phases.Last().State);
    }

    [Fact]
    public async Task CsvOnlyRun_SkipsThePhasesOfTheDatabase()
    {
        var progress = new PhaseRecorder();
        var options = TestRuns.Tiny with { Format = OutputFormat.Csv };
        await TestRuns.GenerateAsync(options, _temp.Combine("csv"), progress, TestContext.Current.CancellationToken);

        Assert.Equal(
            [RunPhase.Generating, RunPhase.Reports, RunPhase.Committing],
            progress.Phases.Select(p => p.Phase).Distinct()
        );
        Assert.Equal(TableState.Completed, progress.Phases.Last().State);
    }

    [Fact]
    public async Task CancelledRun_ReportsTheRunningPhaseCancelled()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new PhaseRecorder(p =>
        {
            if (p.Table == RetailDatagen.Core.Model.Tables.Customers.Name && p.RowsWritten >= 1_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TestRuns.GenerateAsync(TestRuns.Tiny, _temp.Combine("cancelled"), progress, cancel.Token)
        );

        var last = progress.Phases.Last();
        Assert.Equal(RunPhase.Generating, last.Phase);
        Assert.Equal(TableState.Cancelled, last.State);
    }

    public void Dispose() => _temp.Dispose();

    private sealed class PhaseRecorder(Action<TableProgress>? onTable = null)
        : IProgress<TableProgress>,
            IProgress<PhaseProgress>
    {
        private readonly ConcurrentQueue<PhaseProgress> _phases = new();

        public IReadOnlyList<PhaseProgress> Phases => [.. _phases];

        public void Report(TableProgress value) => onTable?.Invoke(value);

        public void Report(PhaseProgress value) => _phases.Enqueue(value);
    }
}
