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
/// quality checker and measured by the realism meter on its way to the outputs.
/// </summary>
internal static class FactStage
{
    public static async Task<(IReadOnlyList<TableManifest> Tables, FactReports Reports)> RunAsync(
        MasterPlan plan,
        IEnumerable<TableTracker> trackers,
        RunOutputs outputs,
        GenerationRequest request,
        ILogger logger
    )
    {
        var tables = trackers.Where(t => t.Table.Stage == Tables.FactStage).ToDictionary(t => t.Table, outputs.Open);
        try
        {
            var reports = await SimulateAsync(plan, tables, request, outputs.Token).ConfigureAwait(false);
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

    // Days are simulated one ahead of writing: while day d is written (see FactDayWriter), day d + 1 is being
    // simulated.
    private static async Task<FactReports> SimulateAsync(
        MasterPlan plan,
        Dictionary<TableInfo, TableOutput> outputs,
        GenerationRequest request,
        CancellationToken token
    )
    {
        foreach (var output in outputs.Values)
        {
            output.Tracker.Start();
        }

        var batchSize = request.Options.BatchSize;
        var checker = new FactQualityChecker(plan);
        var realism = new RealismMeter(plan, checker);
        var days = Channel.CreateBounded<FactDay>(
            new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true }
        );
        var writer = new FactDayWriter(outputs, checker, realism, batchSize, request.AfterBatch);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    // Hand a day over, then wait until the writer has taken it and let half of it go before
                    // simulating the next: at most about a day and a half is in memory.
                    await new FactSimulation(plan)
                        .RunAsync(
                            async (day, ct) =>
                            {
                                await days.Writer.WriteAsync(day, ct).ConfigureAwait(false);
                                await days.Writer.WaitToWriteAsync(ct).ConfigureAwait(false);
                                await writer.WaitForRoomAsync(ct).ConfigureAwait(false);
                            },
                            token
                        )
                        .ConfigureAwait(false);
                    days.Writer.TryComplete();
                }
                catch (Exception ex)
                {
                    days.Writer.TryComplete(ex);
                    throw;
                }
            },
            token
        );

        await writer.WriteAllAsync(days.Reader, token).ConfigureAwait(false);
        await producer.ConfigureAwait(false);
        return new FactReports(checker.Results(), realism.Results());
    }
}
