using RetailDatagen.Web.Cli;

if (CliApp.IsCommand(args))
{
    using var cancel = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
    return await CliApp.RunAsync(args, Console.Out, Console.Error, cancel.Token);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<RetailDatagen.Web.Components.App>().AddInteractiveServerRenderMode();
await app.RunAsync();
return 0;
