using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Connections;

namespace RetailDatagen.Web;

/// <summary>
/// How the web app starts and stops: a busy port is one line and exit code 2; SIGHUP stops it like SIGTERM.
/// </summary>
internal static class AppLifetime
{
    public const int AddressInUse = 2;

    /// <summary>
    /// The host logs a failed start with the whole stack trace before the exception reaches <see cref="RunAsync"/>,
    /// which reports a busy port in one line (any other start failure still ends the process with its exception).
    /// Critical entries of that category (a background service stopping the host) keep being logged.
    /// </summary>
    public static ILoggingBuilder ReportStartFailuresOnce(this ILoggingBuilder logging) =>
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

    public static async Task<int> RunAsync(this WebApplication app, TextWriter stderr)
    {
        // systemd and terminals send SIGHUP; without this the process would die without cancelling a run.
        using var hangup = PosixSignalRegistration.Create(
            PosixSignal.SIGHUP,
            context =>
            {
                context.Cancel = true;
                app.Lifetime.StopApplication();
            }
        );
        try
        {
            await app.StartAsync();
            await app.WaitForShutdownAsync();
            return 0;
        }
        catch (IOException ex) when (ex.InnerException is AddressInUseException)
        {
            // Stopped, not just disposed: the background services then end as stopped rather than as faults.
            await app.StopAsync();
            await stderr.WriteLineAsync(
                $"RetailDatagen cannot start: {ex.Message} Choose another address with --urls."
            );
            return AddressInUse;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
