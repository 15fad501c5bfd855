namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// An exclusive OS lock on a small file beside a run's folders (<c>.staging-&lt;name&gt;.lock</c>), held for the
/// whole run. The kernel releases it when the process ends, however it ends (even SIGKILL), so "nobody holds the
/// lock" reliably means "no live run owns these folders" — unlike a timestamp or a PID, which can be reused.
/// </summary>
/// <remarks>
/// On Unix .NET implements <see cref="FileShare.None"/> with <c>flock(LOCK_EX | LOCK_NB)</c>: advisory, so it binds
/// RetailDatagen processes (and tools that honour flock), not a user deleting files by hand; and it is disabled when
/// <c>DOTNET_SYSTEM_IO_DISABLEFILELOCKING</c> is set.
/// </remarks>
public sealed class RunLock : IDisposable
{
    private readonly FileStream _stream;

    private RunLock(string path, FileStream stream)
    {
        Path = path;
        _stream = stream;
    }

    public string Path { get; }

    /// <summary>
    /// The lock file guarding <c>.staging-&lt;name&gt;</c> (and the final folder <c>name</c>) in <paramref
    /// name="parent"/>.
    /// </summary>
    public static string PathFor(string parent, string name) => System.IO.Path.Combine(parent, $".staging-{name}.lock");

    /// <summary>
    /// Takes the lock, or returns null when a live process holds it. <paramref name="owner"/> is written into the file
    /// for people.
    /// </summary>
    public static RunLock? TryAcquire(string path, string owner)
    {
        // A holder deletes the file and then releases it; whoever opened the old file just before the delete could
        // lock a file that is no longer at the path. A random write time tells the file at the path from that one.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1);
            }
            catch (IOException) when (File.Exists(path))
            {
                return null; // held by a live process (EWOULDBLOCK from flock)
            }

            var stamp = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(
                Random.Shared.NextInt64(TimeSpan.TicksPerDay * 365 * 50)
            );
            File.SetLastWriteTimeUtc(stream.SafeFileHandle, stamp);
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) == stamp)
            {
                var text = System.Text.Encoding.UTF8.GetBytes($"{owner} pid {Environment.ProcessId}\n");
                stream.SetLength(0);
                stream.Write(text);
                stream.Flush();
                File.SetLastWriteTimeUtc(stream.SafeFileHandle, stamp);
                return new RunLock(path, stream);
            }

            stream.Dispose(); // not deleted: the file at the path is someone else's now
        }

        return null;
    }

    /// <summary>Deletes the lock file, then releases the lock (in that order: see <see cref="TryAcquire"/>).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left behind: harmless, the next run or the stale-staging cleanup takes (and deletes) it.
        }

        _stream.Dispose();
    }
}
