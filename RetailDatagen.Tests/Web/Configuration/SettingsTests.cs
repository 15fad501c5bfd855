using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web.Configuration;

public sealed class SettingsTests
{
    [Fact]
    public async Task AppStart_NegativeKeepLastRuns_FailsWithAMessageNamingTheSetting()
    {
        using var temp = new TempDirectory();
        await using var app = new AppFactory(temp.Path, keepLastRuns: -1);

        var error = Assert.Throws<OptionsValidationException>(() => app.CreateClient());

        Assert.Contains("RetailDatagen:KeepLastRuns", error.Message, StringComparison.Ordinal);
    }
}
