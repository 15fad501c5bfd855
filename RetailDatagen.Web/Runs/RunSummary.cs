using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>One line of the Runs page.</summary>
public sealed record RunSummary
{
    public required string RunId { get; init; }
    public required RunStatus Status { get; init; }
    public required string Preset { get; init; }

    /// <summary>Null for a damaged run whose manifest does not say.</summary>
    public required long? Seed { get; init; }
    public DateTimeOffset StartedAt { get; init; }
    public long TotalRows { get; init; }
    public long? TotalBytes { get; init; }
    public bool HasDatabase { get; init; }
    public bool HasCsv { get; init; }
    public string? Error { get; init; }

    /// <summary>True for a finished run folder on disk: it has results and downloads.</summary>
    public bool HasFolder { get; init; }

    public static RunSummary FromFolder(RunFolderInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var manifest = run.Manifest;
        return new RunSummary
        {
            RunId = manifest.RunId,
            Status = RunStatus.Completed,
            Preset = manifest.Preset,
            Seed = manifest.Seed,
            StartedAt = manifest.StartedAt,
            TotalRows = manifest.TotalRows,
            TotalBytes = manifest.TotalBytes,
            HasDatabase = manifest.Files.Any(f => f.Path == RunFolder.DatabaseFile),
            HasCsv = manifest.Files.Any(f => f.Path.StartsWith(RunFolder.CsvFolder + "/", StringComparison.Ordinal)),
            HasFolder = true,
        };
    }

    public static RunSummary FromDamaged(DamagedRunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new RunSummary
        {
            RunId = run.RunId,
            Status = RunStatus.Damaged,
            Preset = run.Preset ?? "–",
            Seed = run.Seed,
            StartedAt = run.StartedAt,
            Error = run.Reason,
            HasFolder = true,
        };
    }

    public static RunSummary FromSnapshot(RunSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new RunSummary
        {
            RunId = snapshot.RunId,
            Status = snapshot.Status,
            Preset = snapshot.Options.Preset,
            Seed = snapshot.Options.Seed,
            StartedAt = snapshot.StartedAt ?? snapshot.QueuedAt,
            TotalRows = snapshot.RowsWritten,
            TotalBytes = snapshot.OutputBytes,
            HasDatabase = snapshot.Options.Format.WritesSqlite(),
            HasCsv = snapshot.Options.Format.WritesCsv(),
            Error = snapshot.Error,
        };
    }
}
