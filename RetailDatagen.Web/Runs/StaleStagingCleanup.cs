using Microsoft.Extensions.Options;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Configuration;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// At app start, removes the staging folders of runs that were killed (SIGKILL, power loss): only those whose lock
/// no live process holds, so a CLI run writing into the same output root right now is left alone.
/// </summary>
internal sealed partial class StaleStagingCleanup(
    IOptions<RetailDatagenSettings> settings,
    ILogger<StaleStagingCleanup> logger
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            foreach (var removed in RunFolder.RemoveStale(settings.Value.OutputRootPath))
            {
                LogRemoved(removed);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogFailed(ex, settings.Value.OutputRootPath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Folder}, left by a run that was killed")]
    private partial void LogRemoved(string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove stale staging folders in {OutputRoot}")]
    private partial void LogFailed(Exception exception, string outputRoot);
}
