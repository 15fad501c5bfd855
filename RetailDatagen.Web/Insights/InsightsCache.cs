using System.Collections.Concurrent;
using RetailDatagen.Core.Insights;

namespace RetailDatagen.Web.Insights;

/// <summary>
/// A finished run's overview aggregates, read once and kept (singleton: a run's data never changes after it is
/// committed). Runs store them in <c>overview.json</c>; for an older run without that file they are computed once
/// with SQL over <c>retail.db</c> (30–37 s on the standard preset). A read or computation that fails is not
/// kept: the next visit tries again (the file may have been busy or briefly unreadable).
/// </summary>
public sealed class InsightsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetInsights>>> _cache = new(StringComparer.Ordinal);

    public Task<DatasetInsights> GetAsync(string runId, string databasePath) =>
        GetAsync(runId, () => InsightsQueries.Compute(databasePath));

    /// <summary>The stored aggregates when the run has them, else computed from its database.</summary>
    public Task<DatasetInsights> GetAsync(string runId, string? overviewPath, string? databasePath) =>
        GetAsync(runId, () => Load(overviewPath, databasePath));

    internal static DatasetInsights Load(string? overviewPath, string? databasePath) =>
        (overviewPath is null ? null : StoredOverview.TryRead(overviewPath))
        ?? (
            databasePath is null
                ? throw new FileNotFoundException("The run has neither stored overview aggregates nor a database.")
                : InsightsQueries.Compute(databasePath)
        );

    internal async Task<DatasetInsights> GetAsync(string runId, Func<DatasetInsights> compute)
    {
        var entry = _cache.GetOrAdd(runId, _ => new Lazy<Task<DatasetInsights>>(() => Task.Run(compute)));
        try
        {
            return await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            // Remove only this failed entry, never a newer one another caller added meanwhile.
            _cache.TryRemove(new KeyValuePair<string, Lazy<Task<DatasetInsights>>>(runId, entry));
            throw;
        }
    }

    public void Forget(string runId) => _cache.TryRemove(runId, out _);
}
