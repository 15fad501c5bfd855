using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Generates queued runs one at a time, outside any circuit: closing the tab that pressed Generate does not stop
/// the run. A cancelled or failed run leaves no folder (the pipeline writes to a hidden staging folder).
/// </summary>
internal sealed partial class RunWorker(
    RunCoordinator coordinator,
    RunCatalog catalog,
    TimeProvider time,
    ILoggerFactory loggerFactory,
    ILogger<RunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in coordinator.Pending.ReadAllAsync(stoppingToken))
        {
            if (!run.TryStart())
            {
                continue; // cancelled while it waited
            }

            await coordinator.PublishChangedAsync(stoppingToken);
            await GenerateAsync(run, stoppingToken);
            await coordinator.PublishChangedAsync(stoppingToken);
        }
    }

    private async Task GenerateAsync(LiveRun run, CancellationToken stoppingToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(run.Cancellation.Token, stoppingToken);
        var pipeline = new GenerationPipeline(time, loggerFactory.CreateLogger<GenerationPipeline>());
        var request = new GenerationRequest { Options = run.Options, OutputDirectory = catalog.FolderFor(run.RunId), RunId = run.RunId };
        try
        {
            var manifest = await pipeline.RunAsync(request, run, cancel.Token);
            run.Complete(manifest);
            foreach (var deleted in catalog.ApplyRetention())
            {
                LogRetentionDeleted(deleted);
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            run.Fail(RunStatus.Cancelled, stoppingToken.IsCancellationRequested ? "The app stopped before the run finished." : null);
        }
        catch (OptionsValidationException ex)
        {
            run.Fail(RunStatus.Failed, ex.Message);
        }
        catch (Exception ex)
        {
            // The worker must outlive a failed run; the pipeline has already removed its staging folder.
            LogRunFailed(ex, run.RunId);
            run.Fail(RunStatus.Failed, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed")]
    private partial void LogRunFailed(Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted run {RunId}")]
    private partial void LogRetentionDeleted(string runId);
}
