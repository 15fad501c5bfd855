using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

using RetailDatagen.Tests.TestSupport;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>
/// The small preset generated once into a temp output root (SQLite and CSV) and shared, read-only, by the
/// Results, browsing and download tests.
/// </summary>
public sealed class WebDataset : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public static GenerationOptions Options { get; } = Presets.Small with { Seed = 20240101, Format = OutputFormat.Both };

    public string OutputRoot => _temp.Combine("output");

    public RunManifest Manifest { get; private set; } = null!;

    public string RunId => Manifest.RunId;

    public string RunFolderPath => Path.Combine(OutputRoot, RunId);

    public string DatabasePath => Path.Combine(RunFolderPath, RunFolder.DatabaseFile);

    public async ValueTask InitializeAsync() =>
        Manifest = await TinyRuns.WriteAsync(OutputRoot, Options);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}
