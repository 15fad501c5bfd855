using Bunit;
using RetailDatagen.Tests.TestSupport;
using RetailDatagen.Tests.Web.TestSupport;
using RetailDatagen.Web.Components.Layout;

namespace RetailDatagen.Tests.Web.Pages;

public sealed class LayoutTests : MudTestContext
{
    public LayoutTests() =>
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Layout_HasAMainLandmark()
    {
        var layout = Render<MainLayout>();

        Assert.Single(layout.FindAll("main"));
    }

    [Fact]
    public void DarkMode_ChosenOnAnEarlierVisit_IsRestored()
    {
        JSInterop.Setup<string?>("localStorage.getItem", MainLayout.DarkModeKey).SetResult("1");

        var layout = Render<MainLayout>();

        layout.WaitForAssertion(() =>
            Assert.Equal("true", layout.Find("[data-testid=dark-mode]").GetAttribute("aria-pressed"))
        );
        Assert.Equal("Switch to light mode", layout.Find("[data-testid=dark-mode]").GetAttribute("aria-label"));
    }

    [Fact]
    public void DarkMode_Toggled_IsRememberedInTheBrowser()
    {
        JSInterop.Setup<string?>("localStorage.getItem", MainLayout.DarkModeKey).SetResult(null);
        var layout = Render<MainLayout>();

        layout.Find("[data-testid=dark-mode]").Click();

        var saved = JSInterop.VerifyInvoke("localStorage.setItem");
        Assert.Equal([MainLayout.DarkModeKey, "1"], saved.Arguments);
        Assert.Equal("true", layout.Find("[data-testid=dark-mode]").GetAttribute("aria-pressed"));
    }
}

public sealed class StaticAssetTests : IAsyncDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly AppFactory _app;

    public StaticAssetTests() => _app = new AppFactory(_temp.Combine("output"));

    [Theory]
    [InlineData("/favicon.ico", "image/x-icon")]
    [InlineData("/favicon.svg", "image/svg+xml")]
    public async Task Favicon_IsServed(string path, string contentType)
    {
        using var response = await _app.CreateClient().GetAsync(path, Xunit.TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _temp.Dispose();
    }
}
