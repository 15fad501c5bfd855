using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace RetailDatagen.Web;

/// <summary>
/// Host-header filtering. Bound to loopback only (the default), the app answers only the loopback names, so a web
/// page on another site cannot reach it through DNS rebinding; for other bindings <c>AllowedHosts</c> (names separated
/// by <c>;</c>) says which names to answer. An explicit <c>AllowedHosts</c> always wins.
/// </summary>
internal sealed class HostSafety(IConfiguration configuration) : IConfigureOptions<HostFilteringOptions>
{
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public void Configure(HostFilteringOptions options)
    {
        if (!string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
        {
            return; // the host's own default applies the configured list
        }

        if (BindsLoopbackOnly(configuration))
        {
            options.AllowedHosts = [.. LoopbackHosts];
        }
    }

    /// <summary>
    /// True when every address the server is told to listen on is a loopback address (Kestrel's default is
    /// localhost:5000).
    /// </summary>
    public static bool BindsLoopbackOnly(IConfiguration configuration)
    {
        if (
            !string.IsNullOrWhiteSpace(configuration["http_ports"])
            || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        )
        {
            return false; // ports without a host bind every interface
        }

        var urls = (configuration["urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>());
        return urls.All(IsLoopback);
    }

    private static bool IsLoopback(string url)
    {
        try
        {
            var host = BindingAddress.Parse(url).Host;
            return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
                || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
