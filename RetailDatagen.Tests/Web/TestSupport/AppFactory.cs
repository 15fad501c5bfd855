using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;

namespace RetailDatagen.Tests.Web.TestSupport;

/// <summary>The real app (Program.cs, every service) over a temp output root.</summary>
public sealed class AppFactory(
    string outputRoot,
    int keepLastRuns = 20,
    IReadOnlyDictionary<string, string>? settings = null
) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Production);
        builder.UseSetting("RetailDatagen:OutputRoot", outputRoot);
        builder.UseSetting(
            "RetailDatagen:KeepLastRuns",
            keepLastRuns.ToString(System.Globalization.CultureInfo.InvariantCulture)
        );
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }
}
