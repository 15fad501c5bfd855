using Microsoft.Data.Sqlite;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// A run is written into a hidden staging folder beside its final folder and renamed into place only after
/// everything succeeded, so no reader ever sees half a run and a failure never touches an earlier run. The final
/// folder is claimed first, atomically, by an OS lock held until the run ends (<see cref="RunLock"/>): a second run
/// into the same folder fails at once, and the final move never replaces a folder this run did not claim.
/// </summary>
public sealed class RunFolder : IDisposable
{
    public const string DatabaseFile = "retail.db";
    public const string CsvFolder = "csv";
    public const string StagingPrefix = ".staging-";
    private readonly bool _overwrite;
    private readonly RunLock _lock;
    private bool _committed;

    /// <exception cref="OutputFolderException">
    /// The folder cannot take this run (see <see cref="Problem"/>) or another run holds it.
    /// </exception>
    public RunFolder(string finalDirectory, string runId, bool overwrite)
    {
        FinalDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalDirectory));
        _overwrite = overwrite;
        if (Problem(FinalDirectory, overwrite) is { } problem)
        {
            throw new OutputFolderException(problem);
        }

        var parent = Path.GetDirectoryName(FinalDirectory)!;
        var name = Path.GetFileName(FinalDirectory);
        try
        {
            Directory.CreateDirectory(parent);
            _lock =
                RunLock.TryAcquire(RunLock.PathFor(parent, name), runId)
                ?? throw new OutputFolderException(
                    $"the folder '{FinalDirectory}' is being written by another run right now."
                );
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not OutputFolderException)
        {
            throw new OutputFolderException($"cannot write beside '{FinalDirectory}': {ex.Message}", ex);
        }

        try
        {
            // Checked again now that no other run can change it.
            if (Problem(FinalDirectory, overwrite) is { } claimed)
            {
                throw new OutputFolderException(claimed);
            }

            StagingDirectory = Path.Combine(parent, StagingPrefix + name);
            TrashDirectory = StagingDirectory + ".old";

            // Leftovers of a run that died holding this lock (it is ours now, so no live run owns them).
            DeleteIfExists(StagingDirectory);
            DeleteIfExists(TrashDirectory);
            Directory.CreateDirectory(StagingDirectory);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
    }

    public string FinalDirectory { get; }

    public string StagingDirectory { get; }

    private string TrashDirectory { get; }

    public string StagedPath(string relative) => Path.Combine(StagingDirectory, relative);

    /// <summary>
    /// Why <paramref name="finalDirectory"/> cannot receive a run, or null: it must be a (possibly missing) real
    /// folder under a creatable parent, and empty unless <paramref name="overwrite"/> allows replacing an earlier
    /// run folder (one with a manifest). Anything else is refused, never deleted.
    /// </summary>
    public static string? Problem(string finalDirectory, bool overwrite)
    {
        if (string.IsNullOrWhiteSpace(finalDirectory))
        {
            return "the folder name is empty.";
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalDirectory));
        if (Path.GetDirectoryName(full) is null || Path.GetFileName(full).Length == 0)
        {
            return $"'{full}' is a root folder; name a folder inside it.";
        }

        if (File.Exists(full))
        {
            return $"'{full}' is a file (or a device), not a folder.";
        }

        var ancestor = Path.GetDirectoryName(full);
        for (; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                return $"'{ancestor}' is a file, so '{full}' cannot be created.";
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        if (new DirectoryInfo(full).LinkTarget is not null)
        {
            return $"'{full}' is a symbolic link; name the folder it points to instead.";
        }

        if (!Directory.EnumerateFileSystemEntries(full).Any())
        {
            return null;
        }

        if (!overwrite)
        {
            return $"the folder '{full}' is not empty; "
                + "choose another folder or pass --force to replace an earlier run.";
        }

        return File.Exists(Path.Combine(full, RunManifest.FileName))
            ? null
            : $"the folder '{full}' is not an earlier run (it has no {RunManifest.FileName}); "
                + "--force replaces only an empty folder or an earlier run folder, so it was left alone.";
    }

    /// <summary>
    /// Removes the staging folders in <paramref name="parent"/> whose run is gone: those whose lock no live process
    /// holds (a killed run's leftovers). Folders of live runs are left alone. Returns the removed folder names.
    /// </summary>
    public static IReadOnlyList<string> RemoveStale(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return [];
        }

        var removed = new List<string>();
        var names = Directory
            .EnumerateFileSystemEntries(parent, StagingPrefix + "*")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Select(n =>
                n.EndsWith(".lock", StringComparison.Ordinal) ? n[..^5]
                : n.EndsWith(".old", StringComparison.Ordinal) ? n[..^4]
                : n
            )
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var staging in names)
        {
            using var owner = RunLock.TryAcquire(Path.Combine(parent, staging + ".lock"), "stale-staging cleanup");
            if (owner is null)
            {
                continue; // a live run
            }

            foreach (var folder in new[] { staging, staging + ".old" })
            {
                if (DeleteIfExists(Path.Combine(parent, folder)))
                {
                    removed.Add(folder);
                }
            }
        }

        return removed;
    }

    /// <summary>
    /// Moves the staged run into place, replacing only what this run claimed: nothing, an empty folder, or an earlier
    /// run (with overwrite).
    /// </summary>
    public void Commit()
    {
        SqliteConnection.ClearAllPools();
        if (Problem(FinalDirectory, _overwrite) is { } problem)
        {
            throw new OutputFolderException(problem); // changed by hand during the run
        }

        var replacing = false;
        if (Directory.Exists(FinalDirectory))
        {
            if (Directory.EnumerateFileSystemEntries(FinalDirectory).Any())
            {
                Directory.Move(FinalDirectory, TrashDirectory);
                replacing = true;
            }
            else
            {
                Directory.Delete(FinalDirectory); // not recursive: fails rather than remove anything that appeared
            }
        }

        Directory.Move(StagingDirectory, FinalDirectory);
        _committed = true;
        if (replacing)
        {
            Directory.Delete(TrashDirectory, recursive: true);
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_committed && Directory.Exists(StagingDirectory))
            {
                SqliteConnection.ClearAllPools();
                Directory.Delete(StagingDirectory, recursive: true);
            }
        }
        finally
        {
            _lock.Dispose();
        }
    }

    private static bool DeleteIfExists(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return true;
    }
}

/// <summary>
/// The output folder cannot take the run; the message says why and names the folder. Nothing was generated.
/// </summary>
public sealed class OutputFolderException : IOException
{
    public OutputFolderException(string message)
        : base(message) { }

    public OutputFolderException(string message, Exception innerException)
        : base(message, innerException) { }
}
