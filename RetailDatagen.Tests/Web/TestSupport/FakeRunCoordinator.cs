using RetailDatagen.Core.Options;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>Feeds pages hand-made snapshots and records what they asked for.</summary>
public sealed class FakeRunCoordinator : IRunCoordinator
{
    private readonly Dictionary<string, RunSnapshot> _snapshots = [];
    private readonly List<(string? RunId, Func<RunSnapshot, Task> Handler)> _subscribers = [];

    public List<GenerationOptions> Started { get; } = [];

    public List<string> Cancelled { get; } = [];

    public StartResult? NextResult { get; set; }

    public StartResult Start(GenerationOptions options)
    {
        Started.Add(options);
        return NextResult ?? StartResult.Queued("20250101-120000-abcd");
    }

    public RunSnapshot? Find(string runId) => _snapshots.GetValueOrDefault(runId);

    public IReadOnlyList<RunSnapshot> Snapshots() => [.. _snapshots.Values];

    public bool Cancel(string runId)
    {
        Cancelled.Add(runId);
        return true;
    }

    public bool Forget(string runId) => _snapshots.Remove(runId);

    public IDisposable Subscribe(string? runId, Func<RunSnapshot, Task> onSnapshot)
    {
        var entry = (runId, onSnapshot);
        _subscribers.Add(entry);
        return new Unsubscribe(() => _subscribers.Remove(entry));
    }

    public int SubscriberCount => _subscribers.Count;

    /// <summary>Stores the snapshot and sends it to the subscribers, as the ticker does.</summary>
    public async Task PublishAsync(RunSnapshot snapshot)
    {
        _snapshots[snapshot.RunId] = snapshot;
        foreach (var (runId, handler) in _subscribers.ToList())
        {
            if (runId is null || runId == snapshot.RunId)
            {
                await handler(snapshot);
            }
        }
    }

    private sealed class Unsubscribe(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
