using System.Text.Json;
using System.Text.Json.Serialization;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Core.Pipeline;

/// <summary>A table's entry in the manifest and in <c>meta_tables</c>.</summary>
public sealed record TableManifest(
    string Name,
    string CsvFile,
    long RowCount,
    string ContentHash,
    double GeneratedSeconds
);

/// <summary>A file of the run folder, relative to it.</summary>
public sealed record FileManifest(string Path, long Bytes);

/// <summary><c>manifest.json</c>: what the run produced and how to reproduce it.</summary>
public sealed record RunManifest
{
    public const string FileName = "manifest.json";

    public required string RunId { get; init; }
    public required string GeneratorVersion { get; init; }
    public required string Status { get; init; }
    public required long Seed { get; init; }
    public required string Preset { get; init; }
    public required GenerationOptions Options { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
    public required double ElapsedSeconds { get; init; }
    public required IReadOnlyList<TableManifest> Tables { get; init; }
    public IReadOnlyList<FileManifest> Files { get; init; } = [];

    /// <summary>The quality report: every invariant with its checked and failed counts.</summary>
    public IReadOnlyList<Quality.QualityCheck> Quality { get; init; } = [];

    /// <summary>The realism report: every §4 KPI measured on the generated data against its target.</summary>
    public IReadOnlyList<Quality.RealismKpi> Realism { get; init; } = [];

    [JsonIgnore]
    public long TotalRows => Tables.Sum(t => t.RowCount);

    [JsonIgnore]
    public long TotalBytes => Files.Sum(f => f.Bytes);

    public static readonly JsonSerializerOptions Json = new(OptionsJson.SerializerOptions);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RunManifest? TryRead(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunManifest>(File.ReadAllText(path), Json);
        }
        catch (Exception ex)
            when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
