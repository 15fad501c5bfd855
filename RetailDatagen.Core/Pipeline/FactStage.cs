using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Quality;

namespace RetailDatagen.Core.Pipeline;

/// <summary>What the fact stage measured while its rows went by.</summary>
internal sealed record FactReports(IReadOnlyList<QualityCheck> Quality, IReadOnlyList<RealismKpi> Realism)
{
    public static FactReports None { get; } = new([], []);
}

/// <summary>
/// The fact tables, simulated day by day and written one day behind the simulation; every day is checked by the
/// quality checker and measured by the realism meter on its way to the outputs. The simulation runs on its own task
/// from <see cref="Start"/>; disposing the stage stops it and waits for it, so a failure on the writing side never
/// leaves it running. (Started before the master tables instead, it competed with them for the cores: 6–10 more
/// CPU-seconds and a slower run on the standard preset.)
/// </summary>
internal sealed class FactStage : IAsyncDisposable
{
    private readonly MasterPlan _plan;
    private readonly CancellationTokenSource _stop;
    private readonly Channel<FactDay> _days = Channel.CreateBounded<FactDay>(
        new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }
    );
    private readonly Channel<bool> _room = Channel.CreateUnbounded<bool>(
        new UnboundedChannelOptions { SingleReader = true }
    );
    private readonly Task _producer;

    private FactStage(MasterPlan plan, CancellationToken token)
    {
        _plan = plan;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        _producer = Task.Run(ProduceAsync, _stop.Token);
    }

    /// <summary>Starts simulating; the days wait (at most one ahead) until <see cref="RunAsync"/> takes them.</summary>
    public static FactStage Start(MasterPlan plan, CancellationToken token) => new(plan, token);

    public async Task<(IReadOnlyList<TableManifest> Tables, FactReports Reports)> RunAsync(
        IEnumerable<TableTracker> trackers,
        RunOutputs outputs,
        PhaseReporter phases,
        GenerationRequest request,
        ILogger logger
    )
    {
        var tables = trackers.Where(t => t.Table.Stage == Tables.FactStage).ToDictionary(t => t.Table, outputs.Open);
        try
        {
            var reports = await WriteAsync(tables, outputs, phases, request).ConfigureAwait(false);
            var results = new List<TableManifest>();
            foreach (var output in tables.Values)
            {
                var manifest = await output.CompleteAsync(outputs.Token).ConfigureAwait(false);
                results.Add(manifest);
                logger.TableCompleted(manifest.Name, manifest.RowCount, manifest.GeneratedSeconds);
            }

            return (results, reports);
        }
        finally
        {
            foreach (var output in tables.Values)
            {
                output.Dispose();
            }
        }
    }

    /// <summary>Stops the simulation if it is still running (a failure or cancellation elsewhere) and waits for
    /// it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _producer.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _stop.Dispose();
    }

    // Hands a day over, then waits until the writer has taken it and let half of it go before simulating the next:
    // at most about a day and a half is in memory. The first day is the exception: the second is simulated while
    // the first is written (into the heap the master tables have just left), instead of SQLite waiting for a whole
    // day's simulation a second time; from the second day on, the writer's half-released signals keep pace again.
    private async Task ProduceAsync()
    {
        var handedOver = 0;
        var released = 0;
        try
        {
            await new FactSimulation(_plan)
                .RunAsync(
                    async (day, ct) =>
                    {
                        await _days.Writer.WriteAsync(day, ct).ConfigureAwait(false);
                        await _days.Writer.WaitToWriteAsync(ct).ConfigureAwait(false);
                        handedOver++;
                        var owed = handedOver == 1 ? 0 : handedOver; // days that must have let half of themselves go
                        while (released < owed)
                        {
                            await _room.Reader.ReadAsync(ct).ConfigureAwait(false);
                            released++;
                        }
                    },
                    _stop.Token
                )
                .ConfigureAwait(false);
            _days.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _days.Writer.TryComplete(ex);
            throw;
        }
    }

    private async Task<FactReports> WriteAsync(
        Dictionary<TableInfo, TableOutput> tables,
        RunOutputs outputs,
        PhaseReporter phases,
        GenerationRequest request
    )
    {
        foreach (var output in tables.Values)
        {
            output.Tracker.Start();
        }

        var checker = new FactQualityChecker(_plan);
        var realism = new RealismMeter(_plan, checker);
        var writer = new FactDayWriter(
            tables,
            checker,
            realism,
            request.Options.BatchSize,
            request.AfterBatch,
            () => _room.Writer.TryWrite(true),
            token => outputs.QueueIndexBuildAsync(phases, token)
        );
        await writer.WriteAllAsync(_days.Reader, outputs.Token).ConfigureAwait(false);
        await _producer.ConfigureAwait(false);
        return new FactReports(checker.Results(), realism.Results());
    }
}
