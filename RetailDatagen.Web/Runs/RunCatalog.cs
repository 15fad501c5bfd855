using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// The runs of the output root: finished run folders (by this app or the CLI; each known by the RunId of its
/// manifest.json) plus the runs of this app's lifetime that have no folder (queued, running, failed, cancelled).
/// Hidden folders (the pipeline's <c>.staging-*</c>) and folders without a readable manifest are never runs.
/// </summary>
public sealed partial class RunCatalog(
    IOptions<RetailDatagenSettings> settings,
    IRunCoordinator coordinator,
    TableBrowser browser,
    ILogger<RunCatalog> logger)
{
    private readonly Lock _deleting = new();

    public string OutputRoot { get; } = settings.Value.OutputRootPath;

    public int KeepLastRuns { get; } = settings.Value.KeepLastRuns;

    /// <summary>Bytes all finished runs may take together; 0 = no limit.</summary>
    public long MaxTotalBytes { get; } = (long)(settings.Value.MaxTotalGB * 1024 * 1024 * 1024);

    /// <summary>The folder a new run of this app is written to.</summary>
    public string FolderFor(string runId) => Path.Combine(OutputRoot, runId);

    /// <summary>Every run, newest first.</summary>
    public IReadOnlyList<RunSummary> List()
    {
        var onDisk = ScanFolders().ToDictionary(r => r.Manifest.RunId, StringComparer.Ordinal);
        var inMemory = coordinator.Snapshots()
            .Where(s => s.Status != RunStatus.Completed) // a completed run is its folder (or was deleted)
            .Select(RunSummary.FromSnapshot);
        return [.. onDisk.Values.Select(RunSummary.FromFolder).Concat(inMemory).OrderByDescending(r => r.StartedAt)];
    }

    /// <summary>A finished run's folder and manifest, or null when no folder of the output root holds that run.</summary>
    public RunFolderInfo? Find(string? runId) =>
        RunIds.IsValid(runId) ? ScanFolders().FirstOrDefault(r => r.Manifest.RunId == runId) : null;

    /// <summary>Deletes a finished run's folder, or the record of a failed/cancelled one. A queued or running run is refused.</summary>
    public DeleteOutcome Delete(string runId)
    {
        if (!RunIds.IsValid(runId))
        {
            return DeleteOutcome.NotFound;
        }

        if (coordinator.Snapshots().Any(s => s.RunId == runId && s.Status.IsActive()))
        {
            return DeleteOutcome.Active;
        }

        var found = Find(runId);
        if (found is null)
        {
            return coordinator.Forget(runId) ? DeleteOutcome.Deleted : DeleteOutcome.NotFound;
        }

        DeleteFolder(found);
        return DeleteOutcome.Deleted;
    }

    /// <summary>
    /// Keeps the newest <see cref="KeepLastRuns"/> run folders (0 keeps all), then deletes the oldest of the rest until
    /// they take at most <see cref="MaxTotalBytes"/> (0 = no limit; the newest run is always kept). Returns the
    /// deleted run ids.
    /// </summary>
    public IReadOnlyList<string> ApplyRetention()
    {
        var deleted = new List<string>();
        var active = coordinator.Snapshots().Where(s => s.Status.IsActive()).Select(s => s.RunId).ToHashSet(StringComparer.Ordinal);
        var runs = ScanFolders().Where(r => !active.Contains(r.Manifest.RunId)).OrderByDescending(r => r.Manifest.StartedAt).ToList();
        var kept = 0;
        long bytes = 0;
        foreach (var run in runs)
        {
            // A run in progress has no folder yet; the filter above guards against a folder reused by a new run's id.
            var size = run.Manifest.TotalBytes;
            var tooMany = KeepLastRuns > 0 && kept >= KeepLastRuns;
            var tooBig = MaxTotalBytes > 0 && kept > 0 && bytes + size > MaxTotalBytes;
            if (tooMany || tooBig)
            {
                DeleteFolder(run);
                deleted.Add(run.Manifest.RunId);
                continue;
            }

            kept++;
            bytes += size;
        }

        return deleted;
    }

    /// <summary>True when <paramref name="path"/> is inside the output root (after resolving <c>..</c> and the like).</summary>
    public bool IsInsideOutputRoot(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.TrimEndingDirectorySeparator(OutputRoot) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal);
    }

    private IEnumerable<RunFolderInfo> ScanFolders()
    {
        if (!Directory.Exists(OutputRoot))
        {
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(OutputRoot).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(folder).StartsWith('.'))
            {
                continue;
            }

            var manifest = RunManifest.TryRead(Path.Combine(folder, RunManifest.FileName));
            if (manifest is not null && RunIds.IsValid(manifest.RunId) && seen.Add(manifest.RunId))
            {
                yield return new RunFolderInfo(manifest, Path.GetFullPath(folder));
            }
        }
    }

    private void DeleteFolder(RunFolderInfo run)
    {
        if (!IsInsideOutputRoot(run.Folder))
        {
            return;
        }

        lock (_deleting)
        {
            coordinator.Forget(run.Manifest.RunId);
            browser.Forget(Path.Combine(run.Folder, RunFolder.DatabaseFile));
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(run.Folder))
            {
                Directory.Delete(run.Folder, recursive: true);
                LogDeleted(run.Manifest.RunId, run.Folder);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted run {RunId} ({Folder})")]
    private partial void LogDeleted(string runId, string folder);
}

/// <summary>A finished run folder of the output root.</summary>
public sealed record RunFolderInfo(RunManifest Manifest, string Folder)
{
    public string? FilePath(string relative)
    {
        var entry = Manifest.Files.FirstOrDefault(f => f.Path == relative);
        return entry is null ? null : Path.GetFullPath(Path.Combine(Folder, relative));
    }
}

public enum DeleteOutcome
{
    Deleted,
    NotFound,
    Active,
}
