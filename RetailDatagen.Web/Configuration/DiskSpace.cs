namespace RetailDatagen.Web.Configuration;

/// <summary>Free space of the volume that holds the output root (the folder may not exist yet: its nearest existing
/// parent counts).</summary>
public class DiskSpace
{
    /// <summary>Bytes free for this process on the volume of <paramref name="path"/>, or null when it cannot be
    /// read.</summary>
    public virtual long? FreeBytes(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var existing = new DirectoryInfo(Path.GetFullPath(path));
            while (existing is not null && !existing.Exists)
            {
                existing = existing.Parent;
            }

            return existing is null ? null : new DriveInfo(existing.FullName).AvailableFreeSpace;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Why a run of <paramref name="estimatedBytes"/> cannot be written, or null when it fits.</summary>
    public string? RefusalFor(string outputRoot, long estimatedBytes)
    {
        var free = FreeBytes(outputRoot);
        return free is { } bytes && estimatedBytes > bytes
            ? $"This run needs about {Components.Shared.Display.Bytes(estimatedBytes)} but only "
                + $"{Components.Shared.Display.Bytes(bytes)} "
                + $"is free in {Path.GetFullPath(outputRoot)}. Lower the options or free some disk space (delete old "
                + "runs on the Runs page)."
            : null;
    }
}
