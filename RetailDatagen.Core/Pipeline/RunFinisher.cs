using System.Diagnostics;
using System.Globalization;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Quality;
using RetailDatagen.Core.Sinks;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// The end of a run once every row is out: indexes (unless the fact stage queued them behind its last row already)
/// and the foreign-key check on the database, the run's metadata committed into it, the documentation and the manifest
/// written, and the staging folder renamed into place.
/// </summary>
internal sealed class RunFinisher(
    GenerationRequest request,
    RunOutputs outputs,
    PhaseReporter phases,
    TimeProvider time
)
{
    public async Task<RunManifest> FinishAsync(
        IReadOnlyList<TableManifest> tables,
        FactReports reports,
        DateTimeOffset started,
        Stopwatch clock,
        CancellationToken cancellationToken
    )
    {
        var options = request.Options;
        var quality = reports.Quality;
        await outputs.QueueIndexBuildAsync(phases, cancellationToken).ConfigureAwait(false);
        var database = await outputs.DrainDatabaseAsync().ConfigureAwait(false);
        if (database is not null)
        {
            phases.Start(RunPhase.CheckingKeys);
            quality = [ForeignKeyCheck(database, tables), .. quality];
        }

        phases.Start(RunPhase.Reports);
        await Insights
            .StoredOverview.WriteAsync(outputs.Folder, outputs.Overview, cancellationToken)
            .ConfigureAwait(false);
        phases.Start(RunPhase.Committing);
        var completed = time.GetUtcNow();
        if (database is not null)
        {
            database.Commit(
                MetaRunOf(started, completed),
                tables.Select(t => new MetaTable
                {
                    TableName = t.Name,
                    RowCount = t.RowCount,
                    ContentHash = t.ContentHash,
                    GeneratedSeconds = t.GeneratedSeconds,
                }),
                quality.Select(q => new MetaQuality
                {
                    Check = q.Check,
                    Description = q.Description,
                    Checked = q.Checked,
                    Failed = q.Failed,
                }),
                reports.Realism
            );
            outputs.CloseDatabase();
            phases.Advance(0.5);
        }

        await RunDocumentation
            .WriteAsync(outputs.Folder, request.RunId, options, cancellationToken)
            .ConfigureAwait(false);
        var manifest = new RunManifest
        {
            RunId = request.RunId,
            GeneratorVersion = GeneratorInfo.Version,
            Status = "Completed",
            Seed = options.Seed,
            Preset = options.Preset,
            Options = options,
            StartedAt = started,
            CompletedAt = completed,
            ElapsedSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            Tables = tables,
            Quality = quality,
            Realism = reports.Realism,
        };
        if (outputs.Folder is { } folder)
        {
            manifest = manifest with { Files = ListFiles(folder.StagingDirectory) };
            await File.WriteAllTextAsync(folder.StagedPath(RunManifest.FileName), manifest.ToJson(), cancellationToken)
                .ConfigureAwait(false);
            outputs.Commit();
        }

        phases.Complete();
        return manifest;
    }

    private static QualityCheck ForeignKeyCheck(SqliteBulkWriter database, IEnumerable<TableManifest> tables)
    {
        var violations = database.ForeignKeyViolations();
        var withForeignKeys = tables.Where(t => SqliteSchema.Instance.HasForeignKeys(t.Name)).Sum(t => t.RowCount);
        return new QualityCheck(
            "foreign_keys",
            "PRAGMA foreign_key_check: rows whose foreign keys do not resolve",
            withForeignKeys,
            violations
        );
    }

    private MetaRun MetaRunOf(DateTimeOffset started, DateTimeOffset completed) =>
        new()
        {
            RunId = request.RunId,
            GeneratorVersion = GeneratorInfo.Version,
            Seed = request.Options.Seed,
            ConfigJson = OptionsJson.SerializeCompact(request.Options),
            StartedAt = started.ToString("O", CultureInfo.InvariantCulture),
            CompletedAt = completed.ToString("O", CultureInfo.InvariantCulture),
            Status = "Completed",
        };

    private static List<FileManifest> ListFiles(string root) =>
        [
            .. Directory
                .EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => new FileManifest(Path.GetRelativePath(root, f).Replace('\\', '/'), new FileInfo(f).Length))
                .OrderBy(f => f.Path, StringComparer.Ordinal),
        ];
}
