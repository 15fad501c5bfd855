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
    private readonly ConcurrentDictionary<Key, object> _results = new();

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

    /// <summary>A computed result (facets, a column profile) of a file and table, or null.</summary>
    public T? Find<T>(string databasePath, string table, string fact)
        where T : class => _results.TryGetValue(KeyOf(databasePath, table, fact), out var value) ? value as T : null;

    public void Store<T>(string databasePath, string table, string fact, T value)
        where T : class
    {
        if (_results.Count >= capacity)
        {
            _results.Clear();
        }

        _results[KeyOf(databasePath, table, fact)] = value;
    }

    /// <summary>Forgets everything about one database file (e.g. before its run is deleted).</summary>
    public void Forget(string databasePath)
    {
        var full = Path.GetFullPath(databasePath);
        foreach (var key in _facts.Keys.Where(k => k.Path == full))
        {
            _facts.TryRemove(key, out _);
        }

        foreach (var key in _results.Keys.Where(k => k.Path == full))
        {
            _results.TryRemove(key, out _);
        }
    }

    private static Key KeyOf(string databasePath, string table, string fact)
    {
        var info = new FileInfo(databasePath);
        return new Key(
            info.FullName,
            info.Exists ? info.Length : -1,
            info.Exists ? info.LastWriteTimeUtc.Ticks : 0,
            table,
            fact
        );
    }

    private readonly record struct Key(string Path, long Length, long Stamp, string Table, string Fact);
}
