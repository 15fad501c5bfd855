using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RetailDatagen.Core.Facts;
using RetailDatagen.Core.Generation;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Generates a whole dataset: master tables in FK-aware stages (<see cref="MasterStages"/>), then the fact tables day
/// by day (<see cref="FactStage"/>); rows go in batches to the run's outputs (<see cref="RunOutputs"/>: one shared
/// SQLite writer, one CSV file per table), progress is reported per batch, and <see cref="RunFinisher"/> commits the
/// database once and moves the finished run folder into place atomically. A failure is logged here, once.
/// </summary>
public sealed class GenerationPipeline(TimeProvider time, ILogger<GenerationPipeline>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<GenerationPipeline>.Instance;

    public GenerationPipeline()
        : this(TimeProvider.System) { }

    /// <summary>Rows each table is expected to have (exact for master tables, from the volume model for
    /// facts).</summary>
    public static IReadOnlyDictionary<string, long> PlannedRows(GenerationOptions options)
    {
        var planned = new Dictionary<string, long>(GeneratorSet.PlannedRows(options));
        if (options.GenerateFacts)
        {
            foreach (var (table, rows) in FactSimulation.EstimateRows(options))
            {
                planned[table] = rows;
            }
        }

        return planned;
    }

    /// <summary>Runs the generation. Throws <see cref="OptionsValidationException"/> for bad options before anything is
    /// written.</summary>
    public async Task<RunManifest> RunAsync(
        GenerationRequest request,
        IProgress<TableProgress>? progress,
        CancellationToken cancellationToken
    )
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = request.Options;
        OptionsValidator.EnsureValid(options);
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var plan = new MasterPlan(options);
        var planned = PlannedRows(options);
        var trackers = Tables.For(options).Select(t => new TableTracker(t, planned[t.Name], progress)).ToList();
        var phases = new PhaseReporter(progress, time);
        trackers.ForEach(t => t.Report(TableState.Pending));

        _logger.RunStarted(request.RunId, options.Seed, options.Format);
        RunOutputs? outputs = null;
        try
        {
            outputs = new RunOutputs(request, cancellationToken);
            phases.Start(RunPhase.Generating);
            var tables = (
                await MasterStages.RunAsync(plan, trackers, outputs, request, _logger).ConfigureAwait(false)
            ).ToDictionary(t => t.Name, StringComparer.Ordinal);
            await using var factStage = options.GenerateFacts ? FactStage.Start(plan, outputs.Token) : null;
            var reports = FactReports.None;
            if (factStage is not null)
            {
                (var facts, reports) = await factStage
                    .RunAsync(trackers, outputs, phases, request, _logger)
                    .ConfigureAwait(false);
                facts.ToList().ForEach(t => tables[t.Name] = t);
            }

            var manifest = await new RunFinisher(request, outputs, phases, time)
                .FinishAsync(
                    [.. trackers.Select(t => tables[t.Table.Name])],
                    reports,
                    started,
                    clock,
                    cancellationToken
                )
                .ConfigureAwait(false);
            _logger.RunCompleted(request.RunId, manifest.TotalRows, clock.Elapsed.TotalSeconds);
            return manifest;
        }
        catch (Exception ex)
        {
            var cause = outputs is null ? ex : await outputs.AbortAsync(ex).ConfigureAwait(false);
            var cancelled = cancellationToken.IsCancellationRequested && cause is OperationCanceledException;
            var state = cancelled ? TableState.Cancelled : TableState.Failed;
            phases.Stop(state);
            trackers
                .Where(t => t.State is TableState.Pending or TableState.Running)
                .ToList()
                .ForEach(t => t.Finish(state));
            if (cancelled)
            {
                _logger.RunCancelled(request.RunId);
                throw;
            }

            _logger.RunFailed(cause, request.RunId);
            if (cause != ex && ex is OperationCanceledException)
            {
                ExceptionDispatchInfo.Throw(cause);
            }

            throw;
        }
        finally
        {
            outputs?.Dispose();
        }
    }
}
