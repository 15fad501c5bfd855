using System.Net;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;

namespace RetailDatagen.Tests.Web;

/// <summary>The Host header decides who is answered: a DNS-rebinding page gets a 400, the loopback names get the
/// app.</summary>
public sealed class HostFilteringTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("localhost:5000", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5000", HttpStatusCode.OK)]
    [InlineData("[::1]:5000", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("evil.example:5000", HttpStatusCode.BadRequest)]
    [InlineData("127.0.0.1.nip.io:5000", HttpStatusCode.BadRequest)]
    [InlineData("192.168.1.20:5000", HttpStatusCode.BadRequest)]
    public async Task BoundToLoopback_AnswersOnlyLoopbackHostNames(string host, HttpStatusCode expected)
    {
        await using var app = new AppFactory(
            _temp.Path,
            settings: new Dictionary<string, string> { ["urls"] = "http://127.0.0.1:5000" }
        );

        Assert.Equal(expected, await GetRunsAsync(app, host));
    }

    [Theory]
    [InlineData("datagen.example", HttpStatusCode.OK)]
    [InlineData("datagen.example:8080", HttpStatusCode.OK)]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.BadRequest)]
    public async Task BoundToAllInterfaces_AnswersTheConfiguredAllowedHosts(string host, HttpStatusCode expected)
    {
        await using var app = new AppFactory(
            _temp.Path,
            settings: new Dictionary<string, string>
            {
                ["urls"] = "http://0.0.0.0:8080",
                ["AllowedHosts"] = "datagen.example",
            }
        );

        Assert.Equal(expected, await GetRunsAsync(app, host));
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<HttpStatusCode> GetRunsAsync(AppFactory app, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/runs");
        request.Headers.Host = host;
        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
