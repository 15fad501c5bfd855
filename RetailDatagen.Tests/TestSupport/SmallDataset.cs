using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>
/// The small preset generated once per test run (SQLite and CSV) into a temp output root, exactly as the app
/// writes a run, and shared read-only by the core invariant tests and the web Results, browsing and download tests.
/// </summary>
public sealed class SmallDataset : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public static GenerationOptions Options { get; } =
        Presets.Small with
        {
            Seed = 20240101,
            Format = OutputFormat.Both,
        };

    public string OutputRoot => _temp.Combine("output");

    public RunManifest Manifest { get; private set; } = null!;

    public string RunId => Manifest.RunId;

    /// <summary>The run folder: <c>retail.db</c>, <c>csv/</c> and <c>manifest.json</c>.</summary>
    public string Directory => Path.Combine(OutputRoot, RunId);

    public string RunFolderPath => Directory;

    public string DatabasePath => Path.Combine(Directory, RunFolder.DatabaseFile);

    /// <summary>SHA-256 of <c>retail.db</c> right after it was written: tests that must leave it unchanged compare with
    /// it.</summary>
    public string DatabaseHashAsWritten { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Manifest = await TestRuns.GenerateFolderAsync(OutputRoot, Options);
        DatabaseHashAsWritten = TestRuns.FileHash(DatabasePath);
    }

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
