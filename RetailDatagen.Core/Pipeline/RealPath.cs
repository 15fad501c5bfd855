namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Paths with every symbolic link resolved, like realpath(3). <see cref="Path.GetFullPath(string)"/> only folds
/// <c>..</c> lexically, so a link inside the output root could point anywhere; comparing real paths cannot be fooled.
/// </summary>
public static class RealPath
{
    // The kernel's own limit on links followed while resolving one path (Linux MAXSYMLINKS).
    private const int MaxLinks = 40;

    /// <summary>The real path of <paramref name="path"/>; components that do not exist are kept as written.</summary>
    public static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? Path.DirectorySeparatorChar.ToString();
        var pending = new Stack<string>(Split(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Combine(current, part);
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"Too many symbolic links while resolving '{path}'.");
            }

            // The target's own components are resolved in turn, relative to the link's folder unless absolute.
            foreach (var component in Split(target).Reverse())
            {
                pending.Push(component);
            }

            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target) ?? root;
            }
        }

        return current;
    }

    /// <summary>
    /// True when <paramref name="path"/>, after resolving links, lies strictly inside <paramref name="folder"/>'s real
    /// path.
    /// </summary>
    public static bool IsInside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(Resolve(folder)) + Path.DirectorySeparatorChar;
        return Resolve(path).StartsWith(root, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split(
            [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar],
            StringSplitOptions.RemoveEmptyEntries
        );
}
