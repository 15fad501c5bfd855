using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Generates queued runs one at a time, outside any circuit: closing the tab that pressed Generate does not stop
/// the run. A cancelled or failed run leaves no folder (the pipeline writes to a hidden staging folder).
/// </summary>
internal sealed partial class RunWorker(
    RunCoordinator coordinator,
    RunCatalog catalog,
    GenerationPipeline pipeline,
    ILogger<RunWorker> logger
) : BackgroundService
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
        var request = new GenerationRequest
        {
            Options = run.Options,
            OutputDirectory = catalog.FolderFor(run.RunId),
            RunId = run.RunId,
        };
        try
        {
            run.Complete(await pipeline.RunAsync(request, run, cancel.Token));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            run.Fail(
                RunStatus.Cancelled,
                stoppingToken.IsCancellationRequested ? "The app stopped before the run finished." : null
            );
            return;
        }
        catch (Exception ex)
        {
            // The worker must outlive a failed run. The pipeline has logged the failure (once) and removed its
            // staging folder; bad options were refused before anything was written.
            run.Fail(RunStatus.Failed, ex.Message);
            return;
        }

        ApplyRetention();
    }

    private void ApplyRetention()
    {
        try
        {
            foreach (var deleted in catalog.ApplyRetention())
            {
                LogRetentionDeleted(deleted);
            }
        }
        catch (Exception ex)
        {
            // The finished run stays completed; a folder that cannot be deleted now is tried again after the next run.
            LogRetentionFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention could not delete an old run")]
    private partial void LogRetentionFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted run {RunId}")]
    private partial void LogRetentionDeleted(string runId);
}
