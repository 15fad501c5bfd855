using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Reads a run folder's manifest totally: whatever is on disk, the answer is a healthy run or a damaged one with
/// the reason, never an exception. A manifest is trusted only after every field the pages and downloads use was
/// checked, and a run is healthy only while every listed file is still there with its listed size.
/// </summary>
internal static class RunFolderReader
{
    // Real manifests are a few tens of KB; anything far larger is not one of ours and is not read into memory.
    private const int MaxManifestBytes = 16 * 1024 * 1024;

    /// <summary>The parsed manifest, or why it cannot be used (checks that need only the manifest itself).</summary>
    public static (RunManifest? Manifest, string? Damage) ReadManifest(string manifestPath)
    {
        try
        {
            var info = new FileInfo(manifestPath);
            if (info.LinkTarget is not null)
            {
                return (null, "manifest.json is a symbolic link.");
            }

            if (info.Length > MaxManifestBytes)
            {
                return (null, "manifest.json is too large to be a run manifest.");
            }

            var manifest = JsonSerializer.Deserialize<RunManifest>(File.ReadAllBytes(manifestPath), RunManifest.Json);
            return manifest is null ? (null, "manifest.json is empty (null).") : (manifest, Check(manifest));
        }
        catch (JsonException ex)
        {
            return (null, "manifest.json is not a valid run manifest: " + FirstLine(ex.Message));
        }
        catch (Exception ex)
            when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return (null, "manifest.json cannot be read: " + FirstLine(ex.Message));
        }
    }

    /// <summary>
    /// Why the listed files do not match the folder (missing, replaced by a link or another size), or null.
    /// </summary>
    public static string? CheckFiles(RunManifest manifest, string realFolder)
    {
        foreach (var file in manifest.Files)
        {
            if (PlainFile(realFolder, file.Path) is not { } info)
            {
                return $"{file.Path} is missing.";
            }

            if (info.Length != file.Bytes)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"{file.Path} has {info.Length:N0} bytes, the manifest lists {file.Bytes:N0}."
                );
            }
        }

        return null;
    }

    /// <summary>
    /// The file <paramref name="relative"/> of the run folder when it is a file reached through no symbolic link
    /// (its real path is exactly where it was asked for, inside the run folder's real path); otherwise null.
    /// </summary>
    public static FileInfo? PlainFile(string realFolder, string relative)
    {
        try
        {
            var path = Path.GetFullPath(Path.Combine(realFolder, relative));
            var inside = Path.TrimEndingDirectorySeparator(realFolder) + Path.DirectorySeparatorChar;
            if (
                !path.StartsWith(inside, StringComparison.Ordinal)
                || !string.Equals(RealPath.Resolve(path), path, StringComparison.Ordinal)
            )
            {
                return null;
            }

            var info = new FileInfo(path);

            // .NET does not expose the file type: devices, pipes and sockets report 0 bytes, which no artifact has.
            return info.Exists && info.Length > 0 ? info : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A stable run id for a damaged folder whose manifest names none: the folder name when it is one, else one
    /// made from the folder's time and name (so it can still be listed and deleted).
    /// </summary>
    public static string FallbackRunId(string folder, DateTimeOffset time)
    {
        var name = Path.GetFileName(folder);
        if (RunIds.IsValid(name))
        {
            return name;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(name));
        return $"{time.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{hash[0]:x2}{hash[1]:x2}";
    }

    private static string? Check(RunManifest manifest)
    {
        if (!RunIds.IsValid(manifest.RunId))
        {
            return "manifest.json has no valid runId.";
        }

        if (manifest.Options is null)
        {
            return "manifest.json has no options.";
        }

        if (manifest.Preset is null || manifest.GeneratorVersion is null || manifest.Status is null)
        {
            return "manifest.json lacks its preset, generator version or status.";
        }

        if (
            manifest.Tables is null
            || manifest.Tables.Any(t => t?.Name is null || t.CsvFile is null || t.ContentHash is null)
            || manifest.Tables.Any(t => t.RowCount < 0)
        )
        {
            return "manifest.json has no valid table list.";
        }

        if (manifest.Files is null || manifest.Files.Any(f => f?.Path is null || f.Bytes < 0))
        {
            return "manifest.json has no valid file list.";
        }

        if (
            manifest.Quality is null
            || manifest.Quality.Any(q => q?.Check is null)
            || manifest.Realism is null
            || manifest.Realism.Any(k => k?.Kpi is null)
        )
        {
            return "manifest.json has no valid quality or realism report.";
        }

        return OptionsValidator.Validate(manifest.Options) is { Count: > 0 } problems
            ? "manifest.json has invalid options: " + problems[0].Message
            : null;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
