using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Configuration;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Runs;

public sealed class RunCatalogTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly FakeRunCoordinator _coordinator = new();

    private string Root => _temp.Combine("output");

    [Fact]
    public async Task List_ShowsRunFoldersByTheirManifestIncludingCliRunsNamedOtherwise()
    {
        var app = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var cli = await TestRuns.WriteAsync(
            Root,
            TestRuns.Tiny with
            {
                Preset = "small",
                Seed = 99,
            },
            Monday.AddHours(1),
            folderName: "my-dataset"
        );

        var runs = Catalog().List();

        Assert.Equal([cli.RunId, app.RunId], runs.Select(r => r.RunId));
        var listed = runs[0];
        Assert.Equal(RunStatus.Completed, listed.Status);
        Assert.Equal(99, listed.Seed);
        Assert.Equal("small", listed.Preset);
        Assert.Equal(cli.TotalRows, listed.TotalRows);
        Assert.Equal(cli.TotalBytes, listed.TotalBytes);
        Assert.True(listed.HasFolder && listed.HasDatabase && listed.HasCsv);
        Assert.Equal(Path.Combine(Root, "my-dataset"), Catalog().Find(cli.RunId)?.Folder);
    }

    [Fact]
    public async Task List_IgnoresHiddenFoldersAndFoldersWithoutAManifest_ButShowsAnUnreadableManifestAsDamaged()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        CopyFolder(Path.Combine(Root, run.RunId), Path.Combine(Root, ".staging-" + run.RunId));
        Directory.CreateDirectory(Path.Combine(Root, "notes"));
        await File.WriteAllTextAsync(
            Path.Combine(Root, "broken", "manifest.json").CreateParent(),
            "{ not json",
            TestContext.Current.CancellationToken
        );

        var runs = Catalog().List();

        Assert.Equal(2, runs.Count);
        Assert.Equal(run.RunId, runs.Single(r => r.Status == RunStatus.Completed).RunId);
        var broken = runs.Single(r => r.Status == RunStatus.Damaged);
        Assert.Contains("not a valid run manifest", broken.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_ShowsFailedCancelledAndQueuedRunsThatHaveNoFolder()
    {
        await _coordinator.PublishAsync(Snapshot("20250303-100000-aaaa", RunStatus.Cancelled));
        await _coordinator.PublishAsync(Snapshot("20250303-110000-bbbb", RunStatus.Failed, "disk full"));
        await _coordinator.PublishAsync(Snapshot("20250303-120000-cccc", RunStatus.Queued));

        var runs = Catalog().List();

        Assert.Equal([RunStatus.Queued, RunStatus.Failed, RunStatus.Cancelled], runs.Select(r => r.Status));
        Assert.Equal("disk full", runs[1].Error);
        Assert.All(runs, r => Assert.False(r.HasFolder));
    }

    [Fact]
    public async Task ApplyRetention_KeepsTheNewestRunsAndDeletesTheOlderFolders()
    {
        var oldest = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var middle = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));
        var newest = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(2));
        Directory.CreateDirectory(Path.Combine(Root, "notes"));

        var deleted = Catalog(keepLastRuns: 2).ApplyRetention();

        Assert.Equal([oldest.RunId], deleted);
        Assert.Equal([newest.RunId, middle.RunId], Catalog().List().Select(r => r.RunId));
        Assert.True(Directory.Exists(Path.Combine(Root, "notes")), "A folder that is not a run was deleted.");
    }

    [Fact]
    public async Task ApplyRetention_NeverDeletesARunInProgress()
    {
        var active = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));
        await _coordinator.PublishAsync(Snapshot(active.RunId, RunStatus.Running));

        var deleted = Catalog(keepLastRuns: 1).ApplyRetention();

        Assert.Empty(deleted);
        Assert.True(Directory.Exists(Path.Combine(Root, active.RunId)));
    }

    [Fact]
    public async Task ApplyRetention_BySize_DeletesTheOldestRunsUntilTheRestFit_ButKeepsTheNewest()
    {
        var oldest = await TestRuns.WriteAsync(Root, startedAt: Monday);
        var middle = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));
        var newest = await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(2));
        var size = RunManifest.TryRead(Path.Combine(Root, newest.RunId, RunManifest.FileName))!.TotalBytes;
        Assert.True(size > 0);

        // Room for one and a half runs: the newest stays, the two older ones go.
        var deleted = Catalog(keepLastRuns: 0, maxTotalGB: size * 1.5 / (1024.0 * 1024 * 1024)).ApplyRetention();

        Assert.Equal([middle.RunId, oldest.RunId], deleted);
        Assert.Equal([newest.RunId], Catalog().List().Select(r => r.RunId));

        // A limit smaller than one run still keeps the newest run.
        Assert.Empty(Catalog(keepLastRuns: 0, maxTotalGB: 1e-9).ApplyRetention());
    }

    [Fact]
    public async Task ApplyRetention_WithZero_KeepsEveryRun()
    {
        await TestRuns.WriteAsync(Root, startedAt: Monday);
        await TestRuns.WriteAsync(Root, startedAt: Monday.AddDays(1));

        Assert.Empty(Catalog(keepLastRuns: 0).ApplyRetention());
        Assert.Equal(2, Catalog().List().Count);
    }

    [Fact]
    public async Task Delete_FinishedRun_RemovesItsFolder()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);

        Assert.Equal(DeleteOutcome.Deleted, Catalog().Delete(run.RunId));
        Assert.False(Directory.Exists(Path.Combine(Root, run.RunId)));
        Assert.Empty(Catalog().List());
    }

    [Fact]
    public async Task Delete_RunInProgress_IsRefusedAndKeepsEverything()
    {
        var run = await TestRuns.WriteAsync(Root, startedAt: Monday);
        await _coordinator.PublishAsync(Snapshot(run.RunId, RunStatus.Queued));

        Assert.Equal(DeleteOutcome.Active, Catalog().Delete(run.RunId));
        Assert.True(Directory.Exists(Path.Combine(Root, run.RunId)));
    }

    [Fact]
    public async Task Delete_FailedRunRecord_ForgetsIt()
    {
        await _coordinator.PublishAsync(Snapshot("20250303-100000-aaaa", RunStatus.Failed, "boom"));

        Assert.Equal(DeleteOutcome.Deleted, Catalog().Delete("20250303-100000-aaaa"));
        Assert.Empty(Catalog().List());
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../output")]
    [InlineData("20250303-100000-zzzz")]
    [InlineData("20250303-100000-abcd")]
    public void Delete_UnknownOrInvalidRunId_IsNotFound(string runId) =>
        Assert.Equal(DeleteOutcome.NotFound, Catalog().Delete(runId));

    public void Dispose() => _temp.Dispose();

    private RunCatalog Catalog(int keepLastRuns = 20, double maxTotalGB = 0) =>
        new(
            Options.Create(
                new RetailDatagenSettings
                {
                    OutputRoot = Root,
                    KeepLastRuns = keepLastRuns,
                    MaxTotalGB = maxTotalGB,
                }
            ),
            _coordinator,
            new TableBrowser(),
            NullLogger<RunCatalog>.Instance
        );

    private static RunSnapshot Snapshot(string runId, RunStatus status, string? error = null) =>
        new()
        {
            RunId = runId,
            Status = status,
            Options = TestRuns.Tiny,
            Tables = [],
            QueuedAt = DateTimeOffset.ParseExact(
                runId[..15],
                "yyyyMMdd-HHmmss",
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal
            ),
            Error = error,
        };

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)).CreateParent());
        }
    }
}

internal static class PathExtensions
{
    /// <summary>Creates the folder of a file path and returns the path.</summary>
    public static string CreateParent(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
