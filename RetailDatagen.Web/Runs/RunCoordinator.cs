using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Singleton owner of every run of this app's lifetime. A run outlives the circuit that started it: it waits in a
/// bounded channel for <see cref="RunWorker"/>, and its snapshots go to whoever subscribes (any tab, any reload).
/// </summary>
internal sealed partial class RunCoordinator : IRunCoordinator, IDisposable
{
    /// <summary>Finished runs remembered in memory; the Runs page reads finished runs from disk anyway.</summary>
    private const int MaxRememberedRuns = 100;

    private readonly ConcurrentDictionary<string, LiveRun> _runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Version, int Position)> _published = new(
        StringComparer.Ordinal
    );
    private readonly ConcurrentDictionary<Guid, Subscription> _subscriptions = new();
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private readonly Channel<LiveRun> _queue;
    private readonly string _outputRoot;
    private readonly int _maxQueued;
    private readonly TimeProvider _time;
    private readonly ILogger<RunCoordinator> _logger;
    private readonly DiskSpace _disk;
    private long _sequence;

    public RunCoordinator(
        IOptions<RetailDatagenSettings> settings,
        TimeProvider time,
        ILogger<RunCoordinator> logger,
        DiskSpace? disk = null
    )
    {
        _outputRoot = settings.Value.OutputRootPath;
        _disk = disk ?? new DiskSpace();
        _maxQueued = settings.Value.MaxQueuedRuns;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<LiveRun>(new BoundedChannelOptions(_maxQueued) { SingleReader = true });
    }

    /// <summary>Runs waiting to generate, in arrival order; read by <see cref="RunWorker"/> only.</summary>
    internal ChannelReader<LiveRun> Pending => _queue.Reader;

    public StartResult Start(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = OptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            return StartResult.Refused(errors);
        }

        // The page shows the same check; the server repeats it because the disk may have filled since.
        if (_disk.RefusalFor(_outputRoot, OutputEstimator.Estimate(options).Bytes) is { } full)
        {
            return StartResult.Refused([new("disk", full)]);
        }

        ForgetOldRuns();
        var run = new LiveRun(NewRunId(), options, Interlocked.Increment(ref _sequence), _time);
        _runs[run.RunId] = run;
        if (!_queue.Writer.TryWrite(run))
        {
            _runs.TryRemove(run.RunId, out _);
            run.Dispose();
            return StartResult.Refused([
                new(
                    "run",
                    $"{_maxQueued} runs are already waiting. Wait for one to finish or cancel one, then generate again."
                ),
            ]);
        }

        LogQueued(run.RunId, options.Preset, options.Seed);
        return StartResult.Queued(run.RunId);
    }

    public RunSnapshot? Find(string runId) =>
        runId is not null && _runs.TryGetValue(runId, out var run) ? run.ToSnapshot(QueuePosition(run)) : null;

    public IReadOnlyList<RunSnapshot> Snapshots() =>
        [.. _runs.Values.OrderByDescending(r => r.Sequence).Select(r => r.ToSnapshot(QueuePosition(r)))];

    public bool Cancel(string runId)
    {
        if (runId is null || !_runs.TryGetValue(runId, out var run) || !run.Status.IsActive())
        {
            return false;
        }

        run.RequestCancel();
        LogCancelRequested(runId);
        return true;
    }

    public bool Forget(string runId)
    {
        if (runId is null || !_runs.TryGetValue(runId, out var run) || run.Status.IsActive())
        {
            return false;
        }

        if (_runs.TryRemove(runId, out _))
        {
            _published.TryRemove(runId, out _);
            run.Dispose();
        }

        return true;
    }

    /// <summary>True while the run is queued or generating: such a run is never deleted.</summary>
    public bool IsActive(string runId) => _runs.TryGetValue(runId, out var run) && run.Status.IsActive();

    public IDisposable Subscribe(string? runId, Func<RunSnapshot, Task> onSnapshot)
    {
        ArgumentNullException.ThrowIfNull(onSnapshot);
        var id = Guid.NewGuid();
        _subscriptions[id] = new Subscription(runId, onSnapshot);
        return new Unsubscriber(() => _subscriptions.TryRemove(id, out _));
    }

    /// <summary>
    /// Sends a fresh snapshot of every run that changed since it was last sent, and of every running run (its
    /// elapsed time and ETA move even between batches). Called by the ticker and on every state change.
    /// </summary>
    public async Task PublishChangedAsync(CancellationToken cancellationToken)
    {
        await _publishing.WaitAsync(cancellationToken);
        try
        {
            foreach (var run in _runs.Values)
            {
                var position = QueuePosition(run);
                var mark = (run.Version, position);
                if (run.Status != RunStatus.Running && _published.TryGetValue(run.RunId, out var last) && last == mark)
                {
                    continue;
                }

                _published[run.RunId] = mark;
                await NotifyAsync(run.ToSnapshot(position));
            }
        }
        finally
        {
            _publishing.Release();
        }
    }

    public void Dispose()
    {
        foreach (var run in _runs.Values)
        {
            run.Dispose();
        }

        _publishing.Dispose();
    }

    private async Task NotifyAsync(RunSnapshot snapshot)
    {
        var handlers = _subscriptions
            .Values.Where(s => s.RunId is null || s.RunId == snapshot.RunId)
            .Select(s => InvokeAsync(s.OnSnapshot, snapshot));
        await Task.WhenAll(handlers);
    }

    private async Task InvokeAsync(Func<RunSnapshot, Task> handler, RunSnapshot snapshot)
    {
        try
        {
            await handler(snapshot);
        }
        catch (Exception ex)
        {
            // A closed tab must not stop the others from getting updates.
            LogSubscriberFailed(ex, snapshot.RunId);
        }
    }

    private int QueuePosition(LiveRun run) =>
        run.Status != RunStatus.Queued
            ? 0
            : 1 + _runs.Values.Count(r => r.Status == RunStatus.Queued && r.Sequence < run.Sequence);

    private string NewRunId()
    {
        while (true)
        {
            var id = RunIds.New(_time);
            if (!_runs.ContainsKey(id) && !Directory.Exists(Path.Combine(_outputRoot, id)))
            {
                return id;
            }
        }
    }

    private void ForgetOldRuns()
    {
        var finished = _runs.Values.Where(r => !r.Status.IsActive()).OrderBy(r => r.Sequence).ToList();
        foreach (var run in finished.Take(Math.Max(0, finished.Count - MaxRememberedRuns + 1)))
        {
            Forget(run.RunId);
        }
    }

    private sealed record Subscription(string? RunId, Func<RunSnapshot, Task> OnSnapshot);

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} queued (preset {Preset}, seed {Seed})")]
    private partial void LogQueued(string runId, string preset, long seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId}: cancel requested")]
    private partial void LogCancelRequested(string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscriber of run {RunId} failed to take a snapshot")]
    private partial void LogSubscriberFailed(Exception exception, string runId);
}
