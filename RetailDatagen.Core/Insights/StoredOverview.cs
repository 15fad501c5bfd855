using System.Text.Json;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Core.Insights;

/// <summary>
/// <c>overview.json</c>: a run's overview aggregates, written beside <c>manifest.json</c> (and listed in it) by
/// every run that keeps its output, whatever its format, so the Overview opens without aggregating the facts. Runs
/// made before the file existed have none: the app then computes the aggregates with SQL (<see
/// cref="InsightsQueries"/>).
/// </summary>
public static class StoredOverview
{
    public const string FileName = "overview.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Writes the aggregates into the run's staging folder; no-op for a run that keeps no output.</summary>
    public static async Task WriteAsync(
        RunFolder? folder,
        OverviewAggregator? overview,
        CancellationToken cancellationToken
    )
    {
        if (folder is null || overview is null)
        {
            return;
        }

        await using var file = File.Create(folder.StagedPath(FileName));
        await JsonSerializer.SerializeAsync(file, overview.Result(), Json, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stored aggregates, or null when the file is missing or unreadable (an older run).</summary>
    public static DatasetInsights? TryRead(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize<DatasetInsights>(file, Json);
        }
        catch (Exception ex)
            when (ex is IOException or JsonException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }
}
