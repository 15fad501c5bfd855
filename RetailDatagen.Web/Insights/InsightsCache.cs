using System.Collections.Concurrent;
using RetailDatagen.Core.Insights;

namespace RetailDatagen.Web.Insights;

/// <summary>
/// Computes a finished run's overview aggregates once and keeps them (singleton: a run's data never changes
/// after it is committed, and the aggregates of the standard preset take a few seconds of SQL). A computation
/// that fails is not kept: the next visit tries again (the file may have been busy or briefly unreadable).
/// </summary>
public sealed class InsightsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetInsights>>> _cache = new(StringComparer.Ordinal);

    public Task<DatasetInsights> GetAsync(string runId, string databasePath) =>
        GetAsync(runId, () => InsightsQueries.Compute(databasePath));

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
