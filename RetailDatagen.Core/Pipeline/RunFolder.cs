using Microsoft.Data.Sqlite;

namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// A run is written into a hidden staging folder beside its final folder and renamed into place only after
/// everything succeeded, so no reader ever sees half a run and a failure never touches an earlier run.
/// </summary>
public sealed class RunFolder : IDisposable
{
    public const string DatabaseFile = "retail.db";
    public const string CsvFolder = "csv";
    private bool _committed;

    public RunFolder(string finalDirectory, string runId, bool overwrite)
    {
        FinalDirectory = Path.GetFullPath(finalDirectory);
        if (Directory.Exists(FinalDirectory) && Directory.EnumerateFileSystemEntries(FinalDirectory).Any() && !overwrite)
        {
            throw new IOException($"The output folder '{FinalDirectory}' is not empty; choose another folder or allow overwriting.");
        }

        var parent = Path.GetDirectoryName(FinalDirectory) ?? throw new IOException($"'{FinalDirectory}' has no parent folder.");
        Directory.CreateDirectory(parent);
        StagingDirectory = Path.Combine(parent, $".staging-{runId}");
        if (Directory.Exists(StagingDirectory))
        {
            Directory.Delete(StagingDirectory, recursive: true);
        }

        Directory.CreateDirectory(StagingDirectory);
    }

    public string FinalDirectory { get; }

    public string StagingDirectory { get; }

    public string StagedPath(string relative) => Path.Combine(StagingDirectory, relative);

    /// <summary>Moves the staged run into place (replacing an earlier folder only now that the new one is complete).</summary>
    public void Commit()
    {
        SqliteConnection.ClearAllPools();
        string? trash = null;
        if (Directory.Exists(FinalDirectory))
        {
            trash = StagingDirectory + ".old";
            Directory.Move(FinalDirectory, trash);
        }

        Directory.Move(StagingDirectory, FinalDirectory);
        _committed = true;
        if (trash is not null)
        {
            Directory.Delete(trash, recursive: true);
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(StagingDirectory))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(StagingDirectory, recursive: true);
        }
    }
}
