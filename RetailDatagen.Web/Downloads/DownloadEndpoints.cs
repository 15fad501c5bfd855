using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Web.Downloads;

/// <summary>
/// The artifacts of finished runs over plain HTTP (no JS interop: the browser streams them to disk). A file is
/// served only when it is listed in that run's manifest, its name comes from the table allow-list, and its full
/// path stays inside the output root; anything else is a 404.
/// </summary>
public static class DownloadEndpoints
{
    public const string DatabaseContentType = "application/vnd.sqlite3";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/downloads/{runId}");
        group.MapGet("/retail.db", GetDatabase);
        group.MapGet("/manifest.json", GetManifest);
        group.MapGet("/csv.zip", GetCsvZip);
        group.MapGet("/csv/{file}.csv", GetCsv);
        group.MapGet("/" + RunDocumentation.DataPackageFile, GetDataPackage);
        return app;
    }

    internal static Results<PhysicalFileHttpResult, NotFound> GetDatabase(string runId, RunCatalog catalog) =>
        Resolve(catalog, runId, RunFolder.DatabaseFile) is { } path
            ? TypedResults.PhysicalFile(path, DatabaseContentType, RunFolder.DatabaseFile, enableRangeProcessing: true)
            : TypedResults.NotFound();

    internal static Results<PhysicalFileHttpResult, NotFound> GetManifest(string runId, RunCatalog catalog) =>
        catalog.Find(runId) is { } run && Resolve(catalog, Path.Combine(run.Folder, RunManifest.FileName)) is { } path
            ? TypedResults.PhysicalFile(path, "application/json", RunManifest.FileName)
            : TypedResults.NotFound();

    internal static Results<PhysicalFileHttpResult, NotFound> GetCsv(string runId, string file, RunCatalog catalog) =>
        Tables.FindByCsvStem(file) is { } table && Resolve(catalog, runId, CsvPath(table)) is { } path
            ? TypedResults.PhysicalFile(path, CsvContentType, table.CsvFile, enableRangeProcessing: true)
            : TypedResults.NotFound();

    internal static Results<PhysicalFileHttpResult, NotFound> GetDataPackage(string runId, RunCatalog catalog) =>
        Resolve(catalog, runId, RunFolder.CsvFolder + "/" + RunDocumentation.DataPackageFile) is { } path
            ? TypedResults.PhysicalFile(path, "application/json", RunDocumentation.DataPackageFile)
            : TypedResults.NotFound();

    internal static Results<PushStreamHttpResult, NotFound> GetCsvZip(string runId, RunCatalog catalog, HttpContext context, CancellationToken cancellationToken)
    {
        var run = catalog.Find(runId);
        var files = run is null ? [] : Tables.All
            .Select(t => (Name: t.CsvFile, Path: Resolve(catalog, run, CsvPath(t))))
            .Append((Name: RunDocumentation.DataPackageFile,
                Path: Resolve(catalog, run, RunFolder.CsvFolder + "/" + RunDocumentation.DataPackageFile)))
            .Where(f => f.Path is not null)
            .ToList();
        if (files.Count == 0)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Stream(
            async stream =>
            {
                // The entry streams of ZipArchive (.NET 10) finish their deflate block and data descriptor in a
                // synchronous Dispose: a few bytes per file, after the file itself went out asynchronously.
                context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;

                // Written straight into the response: nothing is staged on disk or in memory. CSV compresses about
                // 4:1 even at the fastest level, which keeps the CPU free for a run that may be generating.
                await using var archive = await ZipArchive.CreateAsync(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
                foreach (var (name, path) in files)
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await using var source = new FileStream(path!, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    await source.CopyToAsync(target, cancellationToken);
                }
            },
            "application/zip",
            $"{run!.Manifest.RunId}-csv.zip");
    }

    private static string CsvPath(TableInfo table) => RunFolder.CsvFolder + "/" + table.CsvFile;

    private static string? Resolve(RunCatalog catalog, string runId, string relative) =>
        catalog.Find(runId) is { } run ? Resolve(catalog, run, relative) : null;

    private static string? Resolve(RunCatalog catalog, RunFolderInfo run, string relative) =>
        run.FilePath(relative) is { } path ? Resolve(catalog, path) : null;

    private static string? Resolve(RunCatalog catalog, string path) =>
        catalog.IsInsideOutputRoot(path) && File.Exists(path) ? path : null;
}
