using System.Globalization;
using System.IO.Compression;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Pipeline;
using RetailDatagen.Web.Runs;

namespace RetailDatagen.Web.Downloads;

/// <summary>
/// The artifacts of finished runs over plain HTTP (no JS interop: the browser streams them to disk). A file is
/// served only when it is listed in that run's manifest, its name comes from the table allow-list, and it is a
/// plain file of the run folder with its listed size, reached through no symbolic link and inside the output
/// root's real path; anything else (a damaged run included) is a 404. GET and HEAD; files carry an ETag and
/// Last-Modified, so ranges and conditional requests follow RFC 9110.
/// </summary>
public static class DownloadEndpoints
{
    public const string DatabaseContentType = "application/vnd.sqlite3";
    public const string CsvContentType = "text/csv; charset=utf-8";

    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/downloads/{runId}");
        group.MapMethods("/retail.db", GetAndHead, GetDatabase);
        group.MapMethods("/manifest.json", GetAndHead, GetManifest);
        group.MapMethods("/csv.zip", GetAndHead, GetCsvZip);
        group.MapMethods("/csv/{file}.csv", GetAndHead, GetCsv);
        group.MapMethods("/" + RunDocumentation.DataPackageFile, GetAndHead, GetDataPackage);
        return app;
    }

    internal static Results<PhysicalFileHttpResult, NotFound> GetDatabase(
        string runId,
        RunCatalog catalog,
        HttpContext context
    ) => Serve(catalog, runId, RunFolder.DatabaseFile, DatabaseContentType, RunFolder.DatabaseFile, context);

    internal static Results<PhysicalFileHttpResult, NotFound> GetManifest(
        string runId,
        RunCatalog catalog,
        HttpContext context
    )
    {
        // The manifest is the allow-list itself, so it is not listed in it: checked as a plain file of the folder.
        if (catalog.Find(runId) is not { } run)
        {
            return TypedResults.NotFound();
        }

        var realFolder = Path.Combine(RealPath.Resolve(catalog.OutputRoot), Path.GetFileName(run.Folder));
        return RunFolderReader.PlainFile(realFolder, RunManifest.FileName) is { } file
            ? File(file, "application/json", RunManifest.FileName, context)
            : TypedResults.NotFound();
    }

    internal static Results<PhysicalFileHttpResult, NotFound> GetCsv(
        string runId,
        string file,
        RunCatalog catalog,
        HttpContext context
    ) =>
        Tables.FindByCsvStem(file) is { } table
            ? Serve(catalog, runId, CsvPath(table), CsvContentType, table.CsvFile, context)
            : TypedResults.NotFound();

    internal static Results<PhysicalFileHttpResult, NotFound> GetDataPackage(
        string runId,
        RunCatalog catalog,
        HttpContext context
    ) => Serve(catalog, runId, DataPackagePath, "application/json", RunDocumentation.DataPackageFile, context);

    internal static Results<PushStreamHttpResult, Ok, NotFound> GetCsvZip(
        string runId,
        RunCatalog catalog,
        HttpContext context,
        CancellationToken cancellationToken
    )
    {
        var run = catalog.Find(runId);
        var files = run is null
            ? []
            : Tables
                .All.Where(t => run.FilePath(CsvPath(t)) is not null)
                .Select(t => (Name: t.CsvFile, File: catalog.ArtifactFile(run, CsvPath(t))))
                .ToList();
        if (run?.FilePath(DataPackagePath) is not null)
        {
            files.Add((RunDocumentation.DataPackageFile, catalog.ArtifactFile(run, DataPackagePath)));
        }

        // A zip missing a listed table would pass for the whole run: all of them or nothing.
        if (run is null || files.Count == 0 || files.Any(f => f.File is null))
        {
            return TypedResults.NotFound();
        }

        var fileName = $"{run.Manifest.RunId}-csv.zip";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            // Built on the fly, so its length is unknown until written: HEAD answers the type and the name only.
            context.Response.ContentType = "application/zip";
            var disposition = new ContentDispositionHeaderValue("attachment");
            disposition.SetHttpFileName(fileName);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            return TypedResults.Ok();
        }

        // Entry times are the run's start (not the clock), so two downloads of a run are byte-identical.
        var entryTime = run.Manifest.StartedAt;
        return TypedResults.Stream(
            async stream =>
            {
                // The entry streams of ZipArchive (.NET 10) finish their deflate block and data descriptor in a
                // synchronous Dispose: a few bytes per file, after the file itself went out asynchronously.
                context.Features.GetRequiredFeature<IHttpBodyControlFeature>().AllowSynchronousIO = true;

                // Written straight into the response: nothing is staged on disk or in memory. CSV compresses about
                // 4:1 even at the fastest level, which keeps the CPU free for a run that may be generating.
                await using var archive = await ZipArchive.CreateAsync(
                    stream,
                    ZipArchiveMode.Create,
                    leaveOpen: true,
                    entryNameEncoding: null,
                    cancellationToken
                );
                foreach (var (name, file) in files)
                {
                    var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
                    entry.LastWriteTime = entryTime;
                    await using var target = await entry.OpenAsync(cancellationToken);
                    await using var source = new FileStream(
                        file!.FullName,
                        FileMode.Open,
                        FileAccess.Read,
                        FileShare.Read,
                        1 << 16,
                        FileOptions.Asynchronous | FileOptions.SequentialScan
                    );
                    await source.CopyToAsync(target, cancellationToken);
                }
            },
            "application/zip",
            fileName
        );
    }

    private static Results<PhysicalFileHttpResult, NotFound> Serve(
        RunCatalog catalog,
        string runId,
        string relative,
        string contentType,
        string downloadName,
        HttpContext context
    ) =>
        catalog.Find(runId) is { } run && catalog.ArtifactFile(run, relative) is { } file
            ? File(file, contentType, downloadName, context)
            : TypedResults.NotFound();

    private static PhysicalFileHttpResult File(
        FileInfo file,
        string contentType,
        string downloadName,
        HttpContext context
    )
    {
        // RFC 9110 §14.2: a server ignores a Range header with a unit it does not support (and answers 200 in full).
        var range = context.Request.Headers.Range.ToString();
        if (range.Length > 0 && !range.TrimStart().StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            context.Request.Headers.Remove(HeaderNames.Range);
        }

        // Length and write time identify the file's version: artifacts are never rewritten in place, so a strong tag.
        var lastModified = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero);
        var tag = string.Create(CultureInfo.InvariantCulture, $"\"{file.Length:x}-{lastModified.UtcTicks:x}\"");
        return TypedResults.PhysicalFile(
            file.FullName,
            contentType,
            downloadName,
            lastModified,
            new EntityTagHeaderValue(tag),
            enableRangeProcessing: true
        );
    }

    private static string CsvPath(TableInfo table) => RunFolder.CsvFolder + "/" + table.CsvFile;

    private static string DataPackagePath => RunFolder.CsvFolder + "/" + RunDocumentation.DataPackageFile;
}
