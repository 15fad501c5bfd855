using System.Collections.Concurrent;

namespace RetailDatagen.Core.Browsing;

/// <summary>
/// Remembers facts about a finished <c>retail.db</c> that cost a full scan to learn: the row count of a search
/// (≈ 0.2 s over 500,000 customers) and whether a column holds a single value. A finished run never changes, so
/// the grid pays each scan once instead of once per page. The key includes the file's size and time stamp, so a
/// replaced file is scanned again.
/// </summary>
public sealed class BrowseCache(int capacity = 1_024)
{
    private readonly ConcurrentDictionary<Key, long> _facts = new();

    public bool TryGet(string databasePath, string table, string fact, out long value) =>
        _facts.TryGetValue(KeyOf(databasePath, table, fact), out value);

    public void Set(string databasePath, string table, string fact, long value)
    {
        // Simple bound: every fact is cheap enough to learn again, so dropping all beats an LRU here.
        if (_facts.Count >= capacity)
        {
            _facts.Clear();
        }

        _facts[KeyOf(databasePath, table, fact)] = value;
    }

    /// <summary>Forgets everything about one database file (e.g. before its run is deleted).</summary>
    public void Forget(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        foreach (var key in _facts.Keys.Where(k => k.Path == full))
        {
            _facts.TryRemove(key, out _);
        }
    }

    private static Key KeyOf(string databasePath, string table, string fact)
    {
        var info = new FileInfo(databasePath);
        return new Key(info.FullName, info.Exists ? info.Length : -1, info.Exists ? info.LastWriteTimeUtc.Ticks : 0, table, fact);
    }

    private readonly record struct Key(string Path, long Length, long Stamp, string Table, string Fact);
}
