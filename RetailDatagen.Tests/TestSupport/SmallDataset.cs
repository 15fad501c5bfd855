using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>The small preset generated once (SQLite and CSV) and shared by the tests that only read it.</summary>
public sealed class SmallDataset : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public static GenerationOptions Options { get; } = Presets.Small with { Seed = 20240101, Format = OutputFormat.Both };

    public string Directory => _temp.Combine("small");

    public RunManifest Manifest { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        Manifest = await TestRuns.GenerateAsync(Options, Directory, cancellationToken: TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync()
    {
        _temp.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class SmallDatasetCollection : ICollectionFixture<SmallDataset>
{
    public const string Name = "small dataset";
}
