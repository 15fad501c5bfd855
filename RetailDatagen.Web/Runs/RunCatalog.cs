using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// The runs of the output root: finished run folders (by this app or the CLI; each known by the RunId of its
/// manifest.json) plus the runs of this app's lifetime that have no folder (queued, running, failed, cancelled).
/// Hidden folders (the pipeline's <c>.staging-*</c>), symbolic links and folders without a manifest are never runs;
/// a folder whose manifest is unusable or whose files no longer match it is a <see cref="RunStatus.Damaged"/> run.
/// </summary>
public sealed partial class RunCatalog(
    IOptions<RetailDatagenSettings> settings,
    IRunCoordinator coordinator,
    TableBrowser browser,
    ILogger<RunCatalog> logger
)
{
    private readonly Lock _deleting = new();
    private readonly ManifestCache _manifests = new();

    /// <summary>Manifests parsed so far (a cached manifest is parsed again only after its file changed).</summary>
    internal int ManifestReads => _manifests.Reads;

    public string OutputRoot { get; } = settings.Value.OutputRootPath;

    public int KeepLastRuns { get; } = settings.Value.KeepLastRuns;

    /// <summary>Bytes all finished runs may take together; 0 = no limit.</summary>
    public long MaxTotalBytes { get; } = (long)(settings.Value.MaxTotalGB * 1024 * 1024 * 1024);

    /// <summary>The folder a new run of this app is written to.</summary>
    public string FolderFor(string runId) => Path.Combine(OutputRoot, runId);

    /// <summary>Every run, newest first.</summary>
    public IReadOnlyList<RunSummary> List()
    {
        var onDisk = Scan();
        var inMemory = coordinator
            .Snapshots()
            .Where(s => s.Status != RunStatus.Completed) // a completed run is its folder (or was deleted)
            .Select(RunSummary.FromSnapshot);
        var folders = onDisk.Select(r =>
            r.Healthy is { } run ? RunSummary.FromFolder(run) : RunSummary.FromDamaged(r.Damaged!)
        );
        return [.. folders.Concat(inMemory).OrderByDescending(r => r.StartedAt)];
    }

    /// <summary>
    /// A healthy finished run's folder and manifest, or null when no folder of the output root holds that run or
    /// the run is damaged. Reads only that run's folder when it is already known (no rescan, no reparse).
    /// </summary>
    public RunFolderInfo? Find(string? runId) => Locate(runId)?.Healthy;

    /// <summary>A damaged run folder (unusable manifest, or files that no longer match it), or null.</summary>
    public DamagedRunFolder? FindDamaged(string? runId) => Locate(runId)?.Damaged;

    /// <summary>
    /// Deletes a finished or damaged run's folder, or the record of a failed/cancelled one. A queued or running run is
    /// refused.
    /// </summary>
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

        var found = Locate(runId);
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
    /// <remarks>Damaged runs are left for the user to inspect and delete: their folder may not even be a run.</remarks>
    public IReadOnlyList<string> ApplyRetention()
    {
        var deleted = new List<string>();
        var active = coordinator
            .Snapshots()
            .Where(s => s.Status.IsActive())
            .Select(s => s.RunId)
            .ToHashSet(StringComparer.Ordinal);

        // A run in progress has no folder yet; the filter guards against a folder reused by a new run's id.
        var healthy = Scan()
            .Where(r => r.Healthy is not null && !active.Contains(r.RunId))
            .OrderByDescending(r => r.Healthy!.Manifest.StartedAt);
        var kept = 0;
        long bytes = 0;
        foreach (var run in healthy)
        {
            var size = run.Healthy!.Manifest.TotalBytes;
            var tooMany = KeepLastRuns > 0 && kept >= KeepLastRuns;
            var tooBig = MaxTotalBytes > 0 && kept > 0 && bytes + size > MaxTotalBytes;
            if (tooMany || tooBig)
            {
                DeleteFolder(run);
                deleted.Add(run.RunId);
                continue;
            }

            kept++;
            bytes += size;
        }

        return deleted;
    }

    /// <summary>
    /// True when <paramref name="path"/>, with every link resolved, is inside the output root's real path.
    /// </summary>
    public bool IsInsideOutputRoot(string path) => RealPath.IsInside(path, OutputRoot);

    /// <summary>
    /// The real path of a file the run's manifest lists, when it is a plain file of that run folder (no link on the
    /// way, inside the output root) with the listed size; otherwise null.
    /// </summary>
    public FileInfo? ArtifactFile(RunFolderInfo run, string relative)
    {
        ArgumentNullException.ThrowIfNull(run);
        var listed = run.Manifest.Files.FirstOrDefault(f => f.Path == relative);
        var realFolder = Path.Combine(RealPath.Resolve(OutputRoot), Path.GetFileName(run.Folder));
        return
            listed is not null
            && RunFolderReader.PlainFile(realFolder, relative) is { } file
            && file.Length == listed.Bytes
            ? file
            : null;
    }

    private CatalogEntry? Locate(string? runId)
    {
        if (runId is null || !RunIds.IsValid(runId))
        {
            return null;
        }

        // The folder that held this run last time is checked first; a full scan only when it moved or is new.
        if (
            _manifests.FolderOf(runId) is { } known
            && Read(RealPath.Resolve(OutputRoot), known) is { } entry
            && entry.RunId == runId
        )
        {
            return entry;
        }

        return Scan().FirstOrDefault(r => r.RunId == runId);
    }

    private IEnumerable<CatalogEntry> Scan()
    {
        if (!Directory.Exists(OutputRoot))
        {
            return [];
        }

        var realRoot = RealPath.Resolve(OutputRoot);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<CatalogEntry>();
        foreach (var folder in Directory.EnumerateDirectories(realRoot).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith('.') || Read(realRoot, name) is not { } entry || !seen.Add(entry.RunId))
            {
                continue;
            }

            entries.Add(entry);
        }

        _manifests.Retain(entries.Select(e => Path.GetFileName(e.Folder)));
        return entries;
    }

    /// <summary>
    /// The run of one folder of the output root, or null when the folder is not a run (no manifest, a link).
    /// </summary>
    private CatalogEntry? Read(string realRoot, string name)
    {
        var folder = Path.Combine(realRoot, name);
        var manifestPath = Path.Combine(folder, RunManifest.FileName);
        try
        {
            var info = new DirectoryInfo(folder);
            if (!info.Exists || info.LinkTarget is not null || !File.Exists(manifestPath))
            {
                return null;
            }

            var (manifest, damage) = _manifests.Get(name, manifestPath);
            var displayFolder = Path.Combine(OutputRoot, name);
            if (
                manifest is not null
                && damage is null
                && RunFolderReader.CheckFiles(manifest, folder) is { } filesDamage
            )
            {
                damage = filesDamage;
            }

            if (damage is null && manifest is not null)
            {
                var healthy = new RunFolderInfo(manifest, displayFolder);
                return new CatalogEntry(manifest.RunId, displayFolder, healthy, null);
            }

            var time = manifest?.StartedAt ?? new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            var runId = RunIds.IsValid(manifest?.RunId) ? manifest!.RunId : RunFolderReader.FallbackRunId(folder, time);
            var reason = damage ?? "manifest.json is unusable.";
            var damaged = new DamagedRunFolder(runId, displayFolder, reason, time, manifest?.Preset, manifest?.Seed);
            return new CatalogEntry(runId, displayFolder, null, damaged);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogUnreadable(ex, folder);
            return null;
        }
    }

    private void DeleteFolder(CatalogEntry run)
    {
        // Deleting follows no link: the entry is a real folder of the output root, checked again right here.
        var folder = Path.Combine(RealPath.Resolve(OutputRoot), Path.GetFileName(run.Folder));
        if (new DirectoryInfo(folder).LinkTarget is not null || !IsInsideOutputRoot(folder))
        {
            return;
        }

        lock (_deleting)
        {
            coordinator.Forget(run.RunId);
            browser.Forget(Path.Combine(run.Folder, RunFolder.DatabaseFile));
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
                _manifests.Retain(_manifests.Folders.Where(f => f != Path.GetFileName(folder)));
                LogDeleted(run.RunId, run.Folder);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted run {RunId} ({Folder})")]
    private partial void LogDeleted(string runId, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run folder {Folder} cannot be read")]
    private partial void LogUnreadable(Exception exception, string folder);

    private sealed record CatalogEntry(string RunId, string Folder, RunFolderInfo? Healthy, DamagedRunFolder? Damaged);
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

/// <summary>A run folder that cannot be served: its manifest is unusable or its files no longer match it.</summary>
public sealed record DamagedRunFolder(
    string RunId,
    string Folder,
    string Reason,
    DateTimeOffset StartedAt,
    string? Preset,
    long? Seed
);

public enum DeleteOutcome
{
    Deleted,
    NotFound,
    Active,
}
