namespace RetailDatagen.Web.Runs;

/// <summary>Publishes run snapshots on a fixed beat, however often the pipeline reports.</summary>
internal sealed class RunProgressTicker(RunCoordinator coordinator, TimeProvider time) : BackgroundService
{
    /// <summary>Four updates a second: smooth bars, and one small render per tab per tick however fast rows
    /// arrive.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await coordinator.PublishChangedAsync(stoppingToken);
        }
    }
}
