using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>One table's progress at a moment; immutable, safe to hand to any circuit.</summary>
public sealed record TableSnapshot(
    string Name,
    string Title,
    int Stage,
    TableState State,
    long RowsWritten,
    long RowsPlanned,
    double ElapsedSeconds
)
{
    /// <summary>A table shorter than this shows no rate or ETA: its numbers would be noise.</summary>
    public const double MeaningfulSeconds = 1;

    /// <summary>A completed table is full whatever its plan said (fact tables are planned from a volume
    /// model).</summary>
    public double Fraction =>
        State == TableState.Completed ? 1
        : RowsPlanned == 0 ? 0
        : Math.Clamp((double)RowsWritten / RowsPlanned, 0, 1);

    /// <summary>Rows per second, or null for a table that has not run for a second.</summary>
    public double? RowsPerSecond =>
        ElapsedSeconds >= MeaningfulSeconds && RowsWritten > 0 ? RowsWritten / ElapsedSeconds : null;

    /// <summary>Seconds left for a running table at its own rate; never negative; null until meaningful.</summary>
    public double? EtaSeconds =>
        State == TableState.Running && RowsPerSecond is { } rate ? Math.Max(0, RowsPlanned - RowsWritten) / rate : null;
}

/// <summary>One phase of a run at a moment: generating the tables, then the finishing work.</summary>
public sealed record PhaseSnapshot(
    RunPhase Phase,
    string Title,
    TableState State,
    double Fraction,
    double ElapsedSeconds
)
{
    /// <summary>
    /// Share of a run's time, measured on a standard run (about 86 s of tables, then about 12 s of indexes, key check,
    /// reports and commit): the overall bar advances by these weights.
    /// </summary>
    public double Weight =>
        Phase switch
        {
            RunPhase.Generating => 0.86,
            RunPhase.BuildingIndexes => 0.06,
            RunPhase.CheckingKeys => 0.04,
            RunPhase.Reports => 0.02,
            _ => 0.02,
        };

    public static IReadOnlyList<PhaseSnapshot> PlannedFor(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sqlite = options.Format.WritesSqlite();
        return
        [
            .. Enum.GetValues<RunPhase>()
                .Where(p => sqlite || p is not (RunPhase.BuildingIndexes or RunPhase.CheckingKeys))
                .Select(p => new PhaseSnapshot(p, PhaseReporter.TitleOf(p), TableState.Pending, 0, 0)),
        ];
    }
}

/// <summary>A run at a moment: what the Run page shows. Published about four times a second while it changes.</summary>
public sealed record RunSnapshot
{
    /// <summary>The overall bar stops here until the run is really done.</summary>
    private const double MaxUnfinishedFraction = 0.99;

    public required string RunId { get; init; }
    public required RunStatus Status { get; init; }
    public required GenerationOptions Options { get; init; }
    public required IReadOnlyList<TableSnapshot> Tables { get; init; }

    /// <summary>Generating, then the finishing work; empty for a run read back from its manifest.</summary>
    public IReadOnlyList<PhaseSnapshot> Phases { get; init; } = [];

    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public double ElapsedSeconds { get; init; }

    /// <summary>1 for the next run to start; 0 when not queued.</summary>
    public int QueuePosition { get; init; }

    public string? Error { get; init; }

    /// <summary>Bytes of the finished run folder (from its manifest).</summary>
    public long? OutputBytes { get; init; }

    /// <summary>Seconds left from a smoothed rate; never negative; null until meaningful (see <see
    /// cref="EtaEstimator"/>).</summary>
    public double? EtaSeconds { get; init; }

    public long RowsWritten => Tables.Sum(t => t.RowsWritten);
    public long RowsPlanned => Tables.Sum(t => t.RowsPlanned);
    public int TablesCompleted => Tables.Count(t => t.State == TableState.Completed);

    /// <summary>Share of the planned rows written (a completed table counts as full).</summary>
    public double RowsFraction =>
        RowsPlanned == 0 ? 0 : Math.Clamp(Tables.Sum(t => t.Fraction * t.RowsPlanned) / RowsPlanned, 0, 1);

    /// <summary>The phase running now, if any.</summary>
    public PhaseSnapshot? CurrentPhase => Phases.FirstOrDefault(p => p.State == TableState.Running);

    /// <summary>
    /// Share of the whole run done: the tables' rows, then each finishing phase by its weight. 1 only for a completed
    /// run; a run still running stays below 1 even when every table is full.
    /// </summary>
    public double Fraction
    {
        get
        {
            if (Status == RunStatus.Completed)
            {
                return 1;
            }

            var rows = RowsFraction;
            if (Phases.Count == 0)
            {
                return Math.Min(rows, MaxUnfinishedFraction);
            }

            var total = Phases.Sum(p => p.Weight);
            var done = Phases.Sum(p =>
                p.Weight * (p.Phase == RunPhase.Generating && p.State != TableState.Completed ? rows : p.Fraction)
            );
            return Math.Min(done / total, MaxUnfinishedFraction);
        }
    }

    /// <summary>The snapshot of a finished run read back from its manifest (e.g. a CLI run, or after a
    /// restart).</summary>
    public static RunSnapshot FromManifest(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var tables = manifest
            .Tables.Select(t => (Manifest: t, Info: Core.Model.Tables.FindByName(t.Name)))
            .Select(t => new TableSnapshot(
                t.Manifest.Name,
                t.Info?.Title ?? t.Manifest.Name,
                t.Info?.Stage ?? 0,
                TableState.Completed,
                t.Manifest.RowCount,
                t.Manifest.RowCount,
                t.Manifest.GeneratedSeconds
            ))
            .ToList();
        return new RunSnapshot
        {
            RunId = manifest.RunId,
            Status = RunStatus.Completed,
            Options = manifest.Options,
            Tables = tables,
            QueuedAt = manifest.StartedAt,
            StartedAt = manifest.StartedAt,
            FinishedAt = manifest.CompletedAt,
            ElapsedSeconds = manifest.ElapsedSeconds,
            OutputBytes = manifest.TotalBytes,
        };
    }
}
