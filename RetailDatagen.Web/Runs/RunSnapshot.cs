using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>One table's progress at a moment; immutable, safe to hand to any circuit.</summary>
public sealed record TableSnapshot(string Name, string Title, int Stage, TableState State, long RowsWritten, long RowsPlanned, double ElapsedSeconds)
{
    public double Fraction => RowsPlanned == 0 ? (State == TableState.Completed ? 1 : 0) : Math.Clamp((double)RowsWritten / RowsPlanned, 0, 1);

    public double RowsPerSecond => ElapsedSeconds > 0 ? RowsWritten / ElapsedSeconds : 0;

    public double? EtaSeconds => State == TableState.Running && RowsPerSecond > 0 ? (RowsPlanned - RowsWritten) / RowsPerSecond : null;
}

/// <summary>A run at a moment: what the Run page shows. Published about four times a second while it changes.</summary>
public sealed record RunSnapshot
{
    public required string RunId { get; init; }
    public required RunStatus Status { get; init; }
    public required GenerationOptions Options { get; init; }
    public required IReadOnlyList<TableSnapshot> Tables { get; init; }
    public DateTimeOffset QueuedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public double ElapsedSeconds { get; init; }

    /// <summary>1 for the next run to start; 0 when not queued.</summary>
    public int QueuePosition { get; init; }

    public string? Error { get; init; }

    /// <summary>Bytes of the finished run folder (from its manifest).</summary>
    public long? OutputBytes { get; init; }

    public long RowsWritten => Tables.Sum(t => t.RowsWritten);
    public long RowsPlanned => Tables.Sum(t => t.RowsPlanned);
    public int TablesCompleted => Tables.Count(t => t.State == TableState.Completed);
    public double Fraction => RowsPlanned == 0 ? 0 : Math.Clamp((double)RowsWritten / RowsPlanned, 0, 1);

    /// <summary>Remaining rows at the run's average rate so far.</summary>
    public double? EtaSeconds => Status == RunStatus.Running && ElapsedSeconds > 0 && RowsWritten > 0
        ? (RowsPlanned - RowsWritten) / (RowsWritten / ElapsedSeconds)
        : null;

    /// <summary>The snapshot of a finished run read back from its manifest (e.g. a CLI run, or after a restart).</summary>
    public static RunSnapshot FromManifest(RunManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var tables = manifest.Tables
            .Select(t => (Manifest: t, Info: Core.Model.Tables.FindByName(t.Name)))
            .Select(t => new TableSnapshot(t.Manifest.Name, t.Info?.Title ?? t.Manifest.Name, t.Info?.Stage ?? 0, TableState.Completed,
                t.Manifest.RowCount, t.Manifest.RowCount, t.Manifest.GeneratedSeconds))
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
