using MudBlazor.Services;
using RetailDatagen.Web;
using RetailDatagen.Web.Api;
using RetailDatagen.Web.Cli;
using RetailDatagen.Web.Components;
using RetailDatagen.Web.Downloads;

if (CliApp.IsCommand(args))
{
    return await CliApp.RunFromConsoleAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.Logging.ReportStartFailuresOnce();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddMudServices();
builder.Services.AddRetailDatagenWeb(builder.Configuration);

var app = builder.Build();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAntiforgery();
app.MapStaticAssets();
app.MapDownloadEndpoints();
app.MapWorkbenchApi();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
return await app.RunAsync(Console.Error);

/// <summary>The entry point, public for the HTTP and browser tests (WebApplicationFactory).</summary>
public partial class Program;
