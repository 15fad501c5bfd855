using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Parsed manifests by run folder name, valid while the manifest file keeps its length and write time: pages and
/// downloads ask the catalog on every load, and parsing every manifest each time grew with the number of runs.
/// </summary>
internal sealed class ManifestCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byFolder = new(StringComparer.Ordinal);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public IReadOnlyList<string> Folders
    {
        get
        {
            lock (_gate)
            {
                return [.. _byFolder.Keys];
            }
        }
    }

    public (RunManifest? Manifest, string? Damage) Get(string folderName, string manifestPath)
    {
        var info = new FileInfo(manifestPath);
        var stamp = (info.Length, info.LastWriteTimeUtc);
        lock (_gate)
        {
            if (_byFolder.TryGetValue(folderName, out var cached) && cached.Stamp == stamp)
            {
                return (cached.Manifest, cached.Damage);
            }
        }

        var (manifest, damage) = RunFolderReader.ReadManifest(manifestPath);
        Interlocked.Increment(ref _reads);
        lock (_gate)
        {
            _byFolder[folderName] = new Entry(stamp, manifest, damage);
        }

        return (manifest, damage);
    }

    /// <summary>The folder whose cached manifest names <paramref name="runId"/>, if any.</summary>
    public string? FolderOf(string runId)
    {
        lock (_gate)
        {
            return _byFolder.FirstOrDefault(e => e.Value.Manifest?.RunId == runId).Key;
        }
    }

    /// <summary>Forgets every folder not in <paramref name="folders"/> (deleted or no longer a run).</summary>
    public void Retain(IEnumerable<string> folders)
    {
        var keep = folders.ToHashSet(StringComparer.Ordinal);
        lock (_gate)
        {
            foreach (var gone in _byFolder.Keys.Where(k => !keep.Contains(k)).ToList())
            {
                _byFolder.Remove(gone);
            }
        }
    }

    private sealed record Entry((long Length, DateTime Written) Stamp, RunManifest? Manifest, string? Damage);
}
