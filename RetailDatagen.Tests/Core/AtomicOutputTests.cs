using System.Collections.Concurrent;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Core;

public sealed class AtomicOutputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task FaultMidRun_LeavesNoOutput_AndTheEarlierRunIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        var earlier = _temp.Combine("earlier");
        await TestRuns.GenerateAsync(TestRuns.Tiny, earlier, cancellationToken: ct);
        var before = Snapshot(earlier);
        var target = _temp.Combine("failed");
        var progress = new RecordingProgress();

        var request = new GenerationRequest
        {
            Options = TestRuns.Tiny,
            OutputDirectory = target,
            RunId = TestRuns.NewRunId(),
            AfterBatch = (table, rows) =>
            {
                if (table == Tables.Customers && rows >= 1_000)
                {
                    throw new IOException("disk full (injected)");
                }
            },
        };
        var error = await Assert.ThrowsAsync<IOException>(() =>
            new GenerationPipeline().RunAsync(request, progress, ct)
        );

        Assert.Contains("injected", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".staging-*"));
        Assert.Equal(before, Snapshot(earlier));
        Assert.Equal(TableState.Failed, progress.Last(Tables.Customers.Name).State);
        Assert.Equal(TableState.Completed, progress.Last(Tables.Geographies.Name).State);
    }

    [Fact]
    public async Task FaultWhileWritingFacts_LeavesNoOutput_AndNamesTheCause()
    {
        // The fact stage writes SQLite on one thread while checks, hashes and CSV follow on another: a failure
        // on the SQLite side must stop both and still leave nothing behind.
        var ct = TestContext.Current.CancellationToken;
        var target = _temp.Combine("facts-failed");
        var progress = new RecordingProgress();
        var request = new GenerationRequest
        {
            Options = TestRuns.Tiny with { Format = OutputFormat.Both, BatchSize = 200 },
            OutputDirectory = target,
            RunId = TestRuns.NewRunId(),
            AfterBatch = (table, rows) =>
            {
                if (table == Tables.ReceiptLines && rows >= 400)
                {
                    throw new IOException("disk full in the fact stage (injected)");
                }
            },
        };

        var error = await Assert.ThrowsAsync<IOException>(() =>
            new GenerationPipeline().RunAsync(request, progress, ct)
        );

        Assert.Contains("fact stage", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".staging-*"));
        Assert.Equal(TableState.Completed, progress.Last(Tables.Customers.Name).State);
        Assert.Equal(TableState.Failed, progress.Last(Tables.ReceiptLines.Name).State);
    }

    [Fact]
    public async Task FaultWhileReplacingAFolder_KeepsTheFolderItWasToReplace()
    {
        var ct = TestContext.Current.CancellationToken;
        var dir = _temp.Combine("run");
        await TestRuns.GenerateAsync(TestRuns.Tiny, dir, cancellationToken: ct);
        var before = Snapshot(dir);

        var request = new GenerationRequest
        {
            Options = TestRuns.Tiny with { Seed = 99 },
            OutputDirectory = dir,
            RunId = TestRuns.NewRunId(),
            Overwrite = true,
            AfterBatch = (table, _) => throw new InvalidOperationException($"fault in {table.Name}"),
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => new GenerationPipeline().RunAsync(request, null, ct));

        Assert.Equal(before, Snapshot(dir));
    }

    [Fact]
    public async Task CancelMidRun_ReportsCancelled_AndLeavesNoPartialOutput()
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var target = _temp.Combine("cancelled");
        var progress = new RecordingProgress(p =>
        {
            if (p.Table == Tables.Customers.Name && p.RowsWritten >= 1_000)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            TestRuns.GenerateAsync(TestRuns.Tiny with { Customers = 50_000 }, target, progress, cancel.Token)
        );

        Assert.False(Directory.Exists(target));
        Assert.Empty(Directory.EnumerateDirectories(_temp.Path, ".staging-*"));
        var customers = progress.Last(Tables.Customers.Name);
        Assert.Equal(TableState.Cancelled, customers.State);
        Assert.True(customers.RowsWritten < 50_000);
        Assert.Equal(TableState.Cancelled, progress.Last(Tables.StoreInventorySnapshots.Name).State);
    }

    [Fact]
    public async Task Progress_ReportsEveryTable_PendingThenRunningThenCompleted_PerBatch()
    {
        var progress = new RecordingProgress();
        await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                BatchSize = 500,
            },
            _temp.Combine("p"),
            progress,
            TestContext.Current.CancellationToken
        );

        foreach (var table in Tables.All)
        {
            var reports = progress.All.Where(p => p.Table == table.Name).ToList();
            Assert.Equal(TableState.Pending, reports[0].State);
            Assert.Equal(TableState.Completed, reports[^1].State);
            Assert.Equal(reports[^1].RowsPlanned, reports[^1].RowsWritten);
            Assert.Equal(table.Stage, reports[^1].Stage);
        }

        var customerUpdates = progress.All.Count(p =>
            p.Table == Tables.Customers.Name && p.State == TableState.Running
        );
        Assert.True(
            customerUpdates >= TestRuns.Tiny.Customers / 500,
            $"expected a report per batch, got {customerUpdates}"
        );
    }

    [Fact]
    public async Task NonEmptyOutputFolder_IsRefused_WithoutOverwrite()
    {
        var dir = _temp.Combine("occupied");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "keep.txt"), "mine", TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<OutputFolderException>(() =>
            TestRuns.GenerateAsync(TestRuns.Tiny, dir, cancellationToken: TestContext.Current.CancellationToken)
        );
        Assert.Equal(
            "mine",
            await File.ReadAllTextAsync(Path.Combine(dir, "keep.txt"), TestContext.Current.CancellationToken)
        );
    }

    public void Dispose() => _temp.Dispose();

    private static Dictionary<string, string> Snapshot(string dir) =>
        Directory
            .EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(
                f => Path.GetRelativePath(dir, f),
                TestRuns.FileHash
            );

    private sealed class RecordingProgress(Action<TableProgress>? onReport = null) : IProgress<TableProgress>
    {
        private readonly ConcurrentQueue<TableProgress> _all = new();

        public IReadOnlyList<TableProgress> All => [.. _all];

        public TableProgress Last(string table) => All.Last(p => p.Table == table);

        public void Report(TableProgress value)
        {
            _all.Enqueue(value);
            onReport?.Invoke(value);
        }
    }
}
