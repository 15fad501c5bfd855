using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Tests.TestSupport;

/// <summary>Generates real datasets into temp folders and reads them back.</summary>
public static class TestRuns
{
    private static int _counter;

    /// <summary>
    /// The one tiny preset of the tests: every table, a few thousand rows, generated in well under a second.
    /// Tests that need a different shape say so with <c>Tiny with { … }</c>.
    /// </summary>
    public static GenerationOptions Tiny { get; } =
        Presets.Small with
        {
            Preset = "custom",
            Customers = 2_000,
            Products = 300,
            Stores = 12,
            Days = 3,
            CustomersPerStorePerDay = 60,
            OnlineOrdersPerDay = 100,
            MarketingImpressionsPerDay = 500,
            BatchSize = 500,
        };

    /// <summary>
    /// The CLI's arguments for a tiny run (after the command name): every table, one day, a few hundred rows, for
    /// tests that start the command line itself.
    /// </summary>
    public static IReadOnlyList<string> TinyCliArguments { get; } =
        ["--preset", "small", "--set", "customers=300", "--set", "products=60", "--set", "days=1", "--quiet"];

    /// <summary>A file's SHA-256 in hex, read as a stream (the small database is about 100 MB).</summary>
    public static string FileHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public static string NewRunId() => $"20260101-000000-{Interlocked.Increment(ref _counter) % 0x10000:x4}";

    public static Task<RunManifest> GenerateAsync(
        GenerationOptions options,
        string directory,
        IProgress<TableProgress>? progress = null,
        CancellationToken cancellationToken = default
    ) =>
        new GenerationPipeline().RunAsync(
            new GenerationRequest
            {
                Options = options,
                OutputDirectory = directory,
                RunId = NewRunId(),
            },
            progress,
            cancellationToken
        );

    /// <summary>
    /// Writes a run folder named after its run id (or <paramref name="folderName"/>) under <paramref
    /// name="outputRoot"/>,
    /// exactly as the app and the CLI write one, with a clock fixed at <paramref name="startedAt"/>. The same options
    /// and
    /// clock always give the same folder, so each one is generated once per test run and copied after that.
    /// </summary>
    public static async Task<RunManifest> WriteAsync(
        string outputRoot,
        GenerationOptions? options = null,
        DateTimeOffset? startedAt = null,
        string? folderName = null
    )
    {
        var key = (options ?? Tiny, startedAt ?? DefaultStart);
        var (folder, manifest) = await Templates
            .GetOrAdd(key, k => new(() => WriteTemplateAsync(k.Options, k.StartedAt)))
            .Value;
        CopyDirectory(folder, Path.Combine(outputRoot, folderName ?? manifest.RunId));
        return manifest;
    }

    /// <summary>Generates a run folder (no copy), as <see cref="WriteAsync"/> describes.</summary>
    public static async Task<RunManifest> GenerateFolderAsync(
        string outputRoot,
        GenerationOptions options,
        DateTimeOffset? startedAt = null,
        string? folderName = null
    )
    {
        var clock = new FixedClock(startedAt ?? DefaultStart);
        var runId = RunIds.New(clock);
        var request = new GenerationRequest
        {
            Options = options,
            OutputDirectory = Path.Combine(outputRoot, folderName ?? runId),
            RunId = runId,
        };
        return await new GenerationPipeline(clock).RunAsync(request, null, CancellationToken.None);
    }

    private static readonly DateTimeOffset DefaultStart = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TempDirectory TemplateRoot = DeletedOnExit(new TempDirectory());

    private static readonly ConcurrentDictionary<
        (GenerationOptions Options, DateTimeOffset StartedAt),
        Lazy<Task<(string Folder, RunManifest Manifest)>>
    > Templates = new();

    private static async Task<(string Folder, RunManifest Manifest)> WriteTemplateAsync(
        GenerationOptions options,
        DateTimeOffset startedAt
    )
    {
        var root = TemplateRoot.Combine(Guid.NewGuid().ToString("N"));
        var manifest = await GenerateFolderAsync(root, options, startedAt);
        return (Path.Combine(root, manifest.RunId), manifest);
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }

    private static TempDirectory DeletedOnExit(TempDirectory directory)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => directory.Dispose();
        return directory;
    }

    public static SqliteConnection Open(string runDirectory)
    {
        var connection = new SqliteConnection(
            $"Data Source={Path.Combine(runDirectory, RunFolder.DatabaseFile)};Mode=ReadOnly;Pooling=False"
        );
        connection.Open();
        return connection;
    }

    public static long Scalar(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static double Real(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToDouble(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static List<object?[]> Rows(this SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(values);
        }

        return rows;
    }

    public static string CsvPath(string runDirectory, TableInfo table) =>
        Path.Combine(runDirectory, RunFolder.CsvFolder, table.CsvFile);
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
