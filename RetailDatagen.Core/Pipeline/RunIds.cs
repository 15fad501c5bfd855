using System.Globalization;
using System.Text.RegularExpressions;

namespace RetailDatagen.Core.Pipeline;

/// <summary>Run ids: <c>yyyyMMdd-HHmmss-xxxx</c> (UTC time plus four hex digits). Safe as a folder name and a URL
/// segment.</summary>
public static partial class RunIds
{
    public static string New(TimeProvider time)
    {
        var now = time.GetUtcNow();
        return $"{now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Random.Shared.Next(0x10000):x4}";
    }

    public static bool IsValid(string? runId) => runId is not null && Pattern().IsMatch(runId);

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
