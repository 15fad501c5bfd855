using System.Globalization;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Cli;

/// <summary>The realism report as the CLI prints it at the end of a run: one line per KPI, value against
/// target.</summary>
internal static class RealismSummary
{
    public static async Task WriteAsync(TextWriter writer, RunManifest manifest)
    {
        if (manifest.Realism.Count == 0)
        {
            return;
        }

        var met = manifest.Realism.Count(k => k.Met);
        await writer
            .WriteLineAsync($"Realism report: {met} of {manifest.Realism.Count} KPIs on target")
            .ConfigureAwait(false);
        foreach (var kpi in manifest.Realism)
        {
            var value = kpi.Value.ToString(Math.Abs(kpi.Value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);
            var unit =
                kpi.Unit is "" ? ""
                : kpi.Unit == "%" ? "%"
                : $" {kpi.Unit}";
            await writer
                .WriteLineAsync(
                    $"  {(kpi.Met ? "ok  " : "MISS")} {kpi.Kpi,-36} {value}{unit} (target {kpi.Target}{unit})"
                )
                .ConfigureAwait(false);
        }
    }
}
