using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Runs;

public sealed class RunCoordinatorTests
{
    /// <summary>Big enough to be still generating when the test acts on it (millions of rows), written to SQLite
    /// only.</summary>
    private static readonly GenerationOptions LongRun = TestRuns.Tiny with
    {
        Customers = 3_000_000,
        Format = OutputFormat.Sqlite,
        BatchSize = 5_000,
    };

    [Fact]
    public async Task Start_ValidOptions_RunCompletesIntoItsOwnFolderWithAManifest()
    {
        await using var harness = new RunHarness();
        await harness.StartWorkerAsync();

        var result = harness.Coordinator.Start(TestRuns.Tiny);
        var finished = await harness.WaitUntilFinishedAsync(result.RunId!);

        Assert.Equal(RunStatus.Completed, finished.Status);
        Assert.All(finished.Tables, t => Assert.Equal(TableState.Completed, t.State));
        Assert.All(finished.Tables, t => Assert.Equal(t.RowsPlanned, t.RowsWritten));
        var manifest = RunManifest.TryRead(Path.Combine(harness.OutputRoot, result.RunId!, RunManifest.FileName));
        Assert.NotNull(manifest);
        Assert.Equal(result.RunId, manifest.RunId);
        Assert.Equal(manifest.TotalBytes, finished.OutputBytes);
    }

    [Fact]
    public async Task Start_WhileAnotherRunIsActive_IsQueuedAndGeneratesAfterIt()
    {
        await using var harness = new RunHarness();
        var first = harness.Coordinator.Start(TestRuns.Tiny).RunId!;
        var second = harness.Coordinator.Start(TestRuns.Tiny with { Seed = 8 }).RunId!;

        var waiting = harness.Coordinator.Find(second)!;
        Assert.Equal(RunStatus.Queued, waiting.Status);
        Assert.Equal(2, waiting.QueuePosition);
        Assert.Equal(1, harness.Coordinator.Find(first)!.QueuePosition);

        await harness.StartWorkerAsync();
        var firstDone = await harness.WaitUntilFinishedAsync(first);
        var secondDone = await harness.WaitUntilFinishedAsync(second);

        Assert.Equal(RunStatus.Completed, firstDone.Status);
        Assert.Equal(RunStatus.Completed, secondDone.Status);
        Assert.True(secondDone.StartedAt >= firstDone.FinishedAt, "The queued run started before the first one ended.");
    }

    [Fact]
    public async Task Start_InvalidOptions_IsRefusedWithTheCoreMessageAndQueuesNothing()
    {
        await using var harness = new RunHarness();

        var result = harness.Coordinator.Start(TestRuns.Tiny with { Customers = 0 });

        Assert.False(result.Started);
        Assert.Contains(
            result.Errors,
            e => e.Field == "customers" && e.Message.Contains("customers must be between 1", StringComparison.Ordinal)
        );
        Assert.Empty(harness.Coordinator.Snapshots());
    }

    [Fact]
    public async Task Start_WhenTheRunDoesNotFitOnTheDisk_IsRefusedWithTheSizesAndQueuesNothing()
    {
        await using var harness = new RunHarness(disk: new FakeDiskSpace { Free = 1024 });

        var result = harness.Coordinator.Start(TestRuns.Tiny);

        Assert.False(result.Started);
        var error = Assert.Single(result.Errors);
        Assert.Equal("disk", error.Field);
        Assert.Contains("only 1.0 KB is free", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Coordinator.Snapshots());
    }

    [Fact]
    public async Task Start_WhenTheQueueIsFull_IsRefusedWithAClearMessage()
    {
        await using var harness = new RunHarness(maxQueued: 1);
        Assert.True(harness.Coordinator.Start(TestRuns.Tiny).Started);

        var refused = harness.Coordinator.Start(TestRuns.Tiny);

        Assert.False(refused.Started);
        Assert.Contains("already waiting", refused.Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_QueuedRun_EndsCancelledAndNeverGenerates()
    {
        await using var harness = new RunHarness();
        var cancelled = harness.Coordinator.Start(TestRuns.Tiny).RunId!;
        var next = harness.Coordinator.Start(TestRuns.Tiny).RunId!;

        Assert.True(harness.Coordinator.Cancel(cancelled));
        await harness.StartWorkerAsync();
        await harness.WaitUntilFinishedAsync(next);

        var snapshot = harness.Coordinator.Find(cancelled)!;
        Assert.Equal(RunStatus.Cancelled, snapshot.Status);
        Assert.Null(snapshot.StartedAt);
        Assert.Equal([next], harness.Folders());
    }

    [Fact]
    public async Task Cancel_RunningRun_EndsCancelledAndLeavesNoOutput()
    {
        await using var harness = new RunHarness();
        await harness.StartWorkerAsync();
        var runId = harness.Coordinator.Start(LongRun).RunId!;
        await harness.WaitForAsync(runId, s => s.Status == RunStatus.Running);

        Assert.True(harness.Coordinator.Cancel(runId));
        var finished = await harness.WaitUntilFinishedAsync(runId);

        Assert.Equal(RunStatus.Cancelled, finished.Status);
        Assert.DoesNotContain(finished.Tables, t => t.State is TableState.Running or TableState.Pending);
        Assert.Empty(harness.Folders());
        Assert.False(harness.Coordinator.Cancel(runId));
    }

    [Fact]
    public async Task Ticker_PublishesTheRunsGrowingProgressOnEveryTick_AndOnlyOnTicks()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero));
        await using var harness = new RunHarness(time: time);
        var published = Channel.CreateUnbounded<RunSnapshot>();
        using var subscription = harness.Coordinator.Subscribe(null, s => published.Writer.WriteAsync(s).AsTask());
        await harness.StartTickerAsync();
        var runId = harness.Coordinator.Start(TestRuns.Tiny).RunId!;
        Assert.True(harness.Coordinator.Pending.TryRead(out var run));
        Assert.True(run.TryStart());
        var customers = Tables.Customers;
        // The ticker's timer starts on a background thread: tick until its first snapshot arrives.
        using (var warmUp = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            warmUp.CancelAfter(TimeSpan.FromSeconds(10));
            do
            {
                time.Advance(RunProgressTicker.Interval);
                await Task.Delay(20, warmUp.Token);
            } while (!published.Reader.TryRead(out _));
        }

        await Task.Delay(100, TestContext.Current.CancellationToken);
        while (published.Reader.TryRead(out _))
        {
            // Drained: from here on every snapshot is one tick's.
        }

        var seen = new List<long>();
        foreach (var written in new long[] { 500, 1_000, 1_500 })
        {
            run.Report(
                new TableProgress(
                    customers.Name,
                    customers.Title,
                    customers.Stage,
                    written,
                    TestRuns.Tiny.Customers,
                    TableState.Running,
                    1
                )
            );
            Assert.False(published.Reader.TryRead(out _), "a snapshot was published before the tick");

            time.Advance(RunProgressTicker.Interval);
            var snapshot = await published
                .Reader.ReadAsync(TestContext.Current.CancellationToken)
                .AsTask()
                .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
            Assert.Equal(runId, snapshot.RunId);
            Assert.Equal(RunStatus.Running, snapshot.Status);
            seen.Add(snapshot.RowsWritten);
        }

        Assert.Equal([500, 1_000, 1_500], seen);
    }

    [Fact]
    public async Task Worker_AfterARunFails_ReportsTheErrorAndKeepsGeneratingTheNextRuns()
    {
        // An output root that is a file: the run cannot create its folder.
        using var temp = new TempDirectory();
        await using var harness = new RunHarness(outputRoot: temp.Combine("root-is-a-file"));
        await File.WriteAllTextAsync(harness.OutputRoot, "not a folder", TestContext.Current.CancellationToken);
        await harness.StartWorkerAsync();

        var failed = await harness.WaitUntilFinishedAsync(harness.Coordinator.Start(TestRuns.Tiny).RunId!);
        File.Delete(harness.OutputRoot);
        var next = await harness.WaitUntilFinishedAsync(harness.Coordinator.Start(TestRuns.Tiny).RunId!);

        Assert.Equal(RunStatus.Failed, failed.Status);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.Equal(RunStatus.Completed, next.Status);
    }
}
