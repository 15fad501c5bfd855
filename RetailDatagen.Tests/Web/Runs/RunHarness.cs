using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RetailDatagen.Core.Browsing;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Configuration;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Tests.Web.Runs;

/// <summary>The coordinator, worker and catalog of the app, wired as in DI, over a temp output root.</summary>
internal sealed class RunHarness : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly RunWorker _worker;
    private RunProgressTicker? _ticker;
    private bool _workerStarted;

    private readonly TimeProvider _time;

    public RunHarness(
        int maxQueued = 8,
        int keepLastRuns = 20,
        string? outputRoot = null,
        DiskSpace? disk = null,
        TimeProvider? time = null
    )
    {
        _time = time ?? TimeProvider.System;
        OutputRoot = outputRoot ?? _temp.Combine("output");
        var settings = Options.Create(
            new RetailDatagenSettings
            {
                OutputRoot = OutputRoot,
                KeepLastRuns = keepLastRuns,
                MaxQueuedRuns = maxQueued,
            }
        );
        Coordinator = new RunCoordinator(settings, _time, NullLogger<RunCoordinator>.Instance, disk);
        Catalog = new RunCatalog(settings, Coordinator, new TableBrowser(), NullLogger<RunCatalog>.Instance);
        _worker = new RunWorker(Coordinator, Catalog, new GenerationPipeline(_time), NullLogger<RunWorker>.Instance);
    }

    public string OutputRoot { get; }

    public string TempPath => _temp.Path;

    public RunCoordinator Coordinator { get; }

    public RunCatalog Catalog { get; }

    public async Task StartWorkerAsync()
    {
        await _worker.StartAsync(TestContext.Current.CancellationToken);
        _workerStarted = true;
    }

    public async Task StartTickerAsync()
    {
        _ticker = new RunProgressTicker(Coordinator, _time);
        await _ticker.StartAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (never more than two minutes) until a published snapshot of the run satisfies the
    /// condition.</summary>
    public async Task<RunSnapshot> WaitForAsync(string runId, Func<RunSnapshot, bool> condition)
    {
        var done = new TaskCompletionSource<RunSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = Coordinator.Subscribe(
            runId,
            snapshot =>
            {
                if (condition(snapshot))
                {
                    done.TrySetResult(snapshot);
                }

                return Task.CompletedTask;
            }
        );
        if (Coordinator.Find(runId) is { } current && condition(current))
        {
            return current;
        }

        await Coordinator.PublishChangedAsync(TestContext.Current.CancellationToken);
        return await done.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
    }

    public Task<RunSnapshot> WaitUntilFinishedAsync(string runId) => WaitForAsync(runId, s => !s.Status.IsActive());

    /// <summary>Folders of the output root, hidden ones (staging) included.</summary>
    public IReadOnlyList<string> Folders() =>
        Directory.Exists(OutputRoot)
            ? [.. Directory.GetDirectories(OutputRoot).Select(Path.GetFileName).OfType<string>()]
            : [];

    public async ValueTask DisposeAsync()
    {
        if (_ticker is not null)
        {
            await _ticker.StopAsync(CancellationToken.None);
            _ticker.Dispose();
        }

        if (_workerStarted)
        {
            await _worker.StopAsync(CancellationToken.None);
        }

        _worker.Dispose();
        Coordinator.Dispose();
        _temp.Dispose();
    }
}
