using RetailDatagen.Core.Model;

namespace RetailDatagen.Web.Downloads;

/// <summary>URLs of <see cref="DownloadEndpoints"/>, for links in pages.</summary>
public static class DownloadLinks
{
    public static string Database(string runId) => $"/downloads/{Uri.EscapeDataString(runId)}/retail.db";

    public static string Manifest(string runId) => $"/downloads/{Uri.EscapeDataString(runId)}/manifest.json";

    public static string CsvZip(string runId) => $"/downloads/{Uri.EscapeDataString(runId)}/csv.zip";

    public static string Csv(string runId, TableInfo table) =>
        $"/downloads/{Uri.EscapeDataString(runId)}/csv/{table.CsvFile}";
}
