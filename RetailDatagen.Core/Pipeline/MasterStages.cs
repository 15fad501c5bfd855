using Microsoft.Extensions.Logging;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// The master tables in FK-aware stages (geographies → DCs → stores → … → snapshots): the tables of one stage run in
/// parallel, each streaming its rows in batches while the next batch is generated on all cores.
/// </summary>
internal static class MasterStages
{
    public static async Task<IReadOnlyList<TableManifest>> RunAsync(
        MasterPlan plan,
        IEnumerable<TableTracker> trackers,
        RunOutputs outputs,
        GenerationRequest request,
        ILogger logger
    )
    {
        var generators = GeneratorSet.Create(plan).ToDictionary(g => g.Table.Name);
        var results = new List<TableManifest>();
        var stages = trackers
            .Where(t => t.Table.Stage < Tables.FactStage)
            .GroupBy(t => t.Table.Stage)
            .OrderBy(g => g.Key);
        foreach (var stage in stages)
        {
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = request.Options.Threads,
                CancellationToken = outputs.Token,
            };
            await Parallel
                .ForEachAsync(
                    stage,
                    parallel,
                    async (tracker, token) =>
                    {
                        using var output = outputs.Open(tracker);
                        var manifest = await RunTableAsync(
                                output,
                                generators[tracker.Table.Name],
                                request,
                                logger,
                                token
                            )
                            .ConfigureAwait(false);
                        lock (results)
                        {
                            results.Add(manifest);
                        }
                    }
                )
                .ConfigureAwait(false);
        }

        return results;
    }

    private static async Task<TableManifest> RunTableAsync(
        TableOutput output,
        ITableGenerator generator,
        GenerationRequest request,
        ILogger logger,
        CancellationToken token
    )
    {
        var table = generator.Table;
        var total = generator.RowCount;
        var batchSize = request.Options.BatchSize;
        output.Tracker.Start();
        logger.TableStarted(table.Name, total);

        // The next batch is generated (on all cores: rows are independent) while this one is hashed, written
        // to CSV and queued for SQLite, so the single SQLite writer is never kept waiting.
        var next = total > 0 ? GenerateBatchAsync(generator, 0, (int)Math.Min(batchSize, total), token) : null;
        for (long start = 0; start < total; start += batchSize)
        {
            var rows = await next!.ConfigureAwait(false);
            token.ThrowIfCancellationRequested();
            var following = start + batchSize;
            next =
                following < total
                    ? GenerateBatchAsync(generator, following, (int)Math.Min(batchSize, total - following), token)
                    : null;
            await output.WriteAsync(rows, token).ConfigureAwait(false);
            request.AfterBatch?.Invoke(table, start + rows.Length);
        }

        await output.QueueIndexesAsync(token).ConfigureAwait(false);
        var manifest = await output.CompleteAsync(token).ConfigureAwait(false);
        logger.TableCompleted(table.Name, manifest.RowCount, manifest.GeneratedSeconds);
        return manifest;
    }

    private static Task<IRow[]> GenerateBatchAsync(
        ITableGenerator generator,
        long start,
        int count,
        CancellationToken token
    ) =>
        Task.Run(
            () =>
            {
                var rows = new IRow[count];
                const int chunk = 1_000;
                Parallel.For(
                    0,
                    (count + chunk - 1) / chunk,
                    new ParallelOptions { CancellationToken = token },
                    c =>
                    {
                        var end = Math.Min(count, (c + 1) * chunk);
                        for (var i = c * chunk; i < end; i++)
                        {
                            rows[i] = generator.Create(start + i);
                        }
                    }
                );
                return rows;
            },
            token
        );
}
