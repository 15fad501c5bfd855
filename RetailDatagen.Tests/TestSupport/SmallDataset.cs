using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>
/// The small preset generated once per test run (SQLite and CSV) into a temp output root, exactly as the app
/// writes a run, and shared read-only by the core invariant tests and the web Results, browsing and download tests.
/// It is generated in the background from the start of the run, so tests that do not read it run meanwhile; reading
/// anything of the run (<see cref="Manifest"/>, <see cref="RunId"/>, the paths) waits until it is written.
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

    private Task<(RunManifest Manifest, string DatabaseHash)>? _generation;

    /// <summary>Completes when the run is written (for fixtures that start other work first).</summary>
    public Task Generated => Generation;

    public RunManifest Manifest => Written.Manifest;

    public string RunId => Manifest.RunId;

    /// <summary>The run folder: <c>retail.db</c>, <c>csv/</c> and <c>manifest.json</c>.</summary>
    public string Directory => Path.Combine(OutputRoot, RunId);

    public string RunFolderPath => Directory;

    public string DatabasePath => DatabaseOf(RunId);

    /// <summary>SHA-256 of <c>retail.db</c> right after it was written: tests that must leave it unchanged compare with
    /// it.</summary>
    public string DatabaseHashAsWritten => Written.DatabaseHash;

    // A failed generation fails every test that reads the run, each with the generation's exception.
    private (RunManifest Manifest, string DatabaseHash) Written => Generation.GetAwaiter().GetResult();

    private Task<(RunManifest Manifest, string DatabaseHash)> Generation =>
        _generation ?? throw new InvalidOperationException("The small dataset was not started.");

    // Also used while the run is written, before RunId (which waits for it) can be read.
    private string DatabaseOf(string runId) => Path.Combine(OutputRoot, runId, RunFolder.DatabaseFile);

    public ValueTask InitializeAsync()
    {
        _generation = Task.Run(async () =>
        {
            var manifest = await TestRuns.GenerateFolderAsync(OutputRoot, Options);
            return (manifest, TestRuns.FileHash(DatabaseOf(manifest.RunId)));
        });
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_generation is not null)
        {
            // Let a generation nobody waited for finish before its folder is deleted; its outcome no longer matters.
            await _generation.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        _temp.Dispose();
    }
}
