using System.Runtime.CompilerServices;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.Core;

/// <summary>
/// Pins the data contract: the content hash of every table of the tiny preset. Any change to the generated rows —
/// a code change, a dictionary edit, a Bogus or .NET upgrade — fails here, so it can only ship on purpose, with a
/// new <see cref="GeneratorInfo.Version"/>.
/// </summary>
public sealed class GoldenHashTests : IDisposable
{
    private const string UpdateVariable = "UPDATE_GOLDENS";
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task ContentHashes_OfTheTinyPreset_MatchTheGoldens()
    {
        var manifest = await TestRuns.GenerateAsync(
            TestRuns.Tiny with
            {
                Format = OutputFormat.Csv,
            },
            _temp.Combine("tiny"),
            cancellationToken: TestContext.Current.CancellationToken
        );
        Assert.All(
            manifest.Tables,
            t => Assert.True(t.RowCount > 0, $"{t.Name} is empty: its golden hash would pin nothing.")
        );
        var actual = new GoldenHashes(
            GeneratorInfo.Version,
            manifest.Tables.ToDictionary(t => t.Name, t => t.ContentHash)
        );
        var path = GoldenFile();
        var golden = GoldenHashes.Read(path);
        var changed = golden.ChangedTables(actual);
        if (changed.Count == 0 && golden.Version == actual.Version)
        {
            return;
        }

        var dataChanged = changed.Count > 0;
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Assert.False(
                dataChanged && golden.Version == actual.Version,
                $"The data of {string.Join(", ", changed)} changed but GeneratorInfo.Version is still "
                    + $"{actual.Version}: bump it first."
            );
            await File.WriteAllTextAsync(path, actual.ToText(), TestContext.Current.CancellationToken);
            return;
        }

        var why = dataChanged
            ? $"The generated data changed for: {string.Join(", ", changed)}.\n"
                + (
                    golden.Version == actual.Version
                        ? $"If that is on purpose, bump GeneratorInfo.Version (now {actual.Version}), then update "
                            + "the goldens.\n"
                        : ""
                )
            : $"GeneratorInfo.Version is {actual.Version} but the goldens were recorded for {golden.Version}.\n";
        Assert.Fail(
            why
                + $"Update the goldens by running the tests with {UpdateVariable}=1, or replace {path} "
                + $"with:\n\n{actual.ToText()}"
        );
    }

    public void Dispose() => _temp.Dispose();

    private static string GoldenFile([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", "tiny-content-hashes.txt");

    /// <summary>The golden file: a version line, then one <c>table hash</c> line per table.</summary>
    private sealed record GoldenHashes(string Version, IReadOnlyDictionary<string, string> Hashes)
    {
        private const string VersionKey = "generator-version";

        public static GoldenHashes Read(string path)
        {
            var pairs = File.Exists(path)
                ? File.ReadLines(path)
                    .Where(l => l.Length > 0 && !l.StartsWith('#'))
                    .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
                    .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal)
                : [];
            var version = pairs.Remove(VersionKey, out var v) ? v : "(none)";
            return new GoldenHashes(version, pairs);
        }

        public List<string> ChangedTables(GoldenHashes actual) =>
            [
                .. actual
                    .Hashes.Keys.Union(Hashes.Keys)
                    .Where(t => Hashes.GetValueOrDefault(t) != actual.Hashes.GetValueOrDefault(t))
                    .Order(StringComparer.Ordinal),
            ];

        public string ToText() =>
            "# Content hashes of every table of TestRuns.Tiny, checked by GoldenHashTests.\n"
            + "# Regenerate with UPDATE_GOLDENS=1 after bumping GeneratorInfo.Version.\n"
            + $"{VersionKey} {Version}\n"
            + string.Concat(Hashes.OrderBy(h => h.Key, StringComparer.Ordinal).Select(h => $"{h.Key} {h.Value}\n"));
    }
}
