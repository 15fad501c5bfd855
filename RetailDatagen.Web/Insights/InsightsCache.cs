using System.Collections.Concurrent;
using RetailDatagen.Core.Insights;

namespace RetailDatagen.Web.Insights;

/// <summary>
/// Computes a finished run's overview aggregates once and keeps them (singleton: a run's data never changes
/// after it is committed, and the aggregates of the standard preset take a few seconds of SQL).
/// </summary>
public sealed class InsightsCache
{
    private readonly ConcurrentDictionary<string, Lazy<Task<DatasetInsights>>> _cache = new(StringComparer.Ordinal);

    public Task<DatasetInsights> GetAsync(string runId, string databasePath) =>
        _cache.GetOrAdd(runId, _ => new Lazy<Task<DatasetInsights>>(() => Task.Run(() => InsightsQueries.Compute(databasePath)))).Value;

    public void Forget(string runId) => _cache.TryRemove(runId, out _);
}
