using System.Runtime.InteropServices;

namespace RetailDatagen.Web.Cli;

/// <summary>The command-line verbs. They use the same pipeline as the web app and start no web host.</summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "generate" or "bench" or "help" or "--help";

    /// <summary>
    /// Runs a verb for the console: Ctrl+C, SIGTERM (kill, timeouts, docker stop) and SIGHUP (a closed terminal) all
    /// cancel the run, which removes its staging folder and exits 1.
    /// </summary>
    public static async Task<int> RunFromConsoleAsync(string[] args)
    {
        using var cancel = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true; // no abrupt exit: the pipeline stops at its next batch and cleans up
            cancel.Cancel();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
        return await RunAsync(args, Console.Out, Console.Error, cancel.Token);
    }

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var rest = args.Skip(1).ToArray();
        return args[0] switch
        {
            "generate" => await GenerateCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            "bench" => await BenchCommand.RunAsync(rest, stdout, stderr, cancellationToken),
            _ => Help(stdout),
        };
    }

    public static int Help(TextWriter stdout)
    {
        stdout.WriteLine("""
            RetailDatagen: synthetic retail datasets (SQLite and CSV).

            Usage:
              RetailDatagen.Web                       run the web app (http://127.0.0.1:5000)
              RetailDatagen.Web generate [options]    write a run folder (retail.db, csv/, manifest.json)
              RetailDatagen.Web bench [options]       measure generation and write speed, write bench.json

            generate options:
              --preset small|standard   starting values (default standard)
              --config FILE.json        options as JSON (same names as --set; may name a preset)
              --seed N                  0..2147483647
              --format sqlite|csv|both  outputs (default both)
              --threads N               tables generated at once (1..64; does not change the data)
              --set name=value          any option (repeatable), e.g. --set customers=20000
              --out DIR                 run folder (default ./output/<run id>); must be empty unless --force
              --force                   replace a non-empty --out folder once the new run succeeded

            bench options: --preset, --format, --threads, --set, --out DIR (default ./output/bench)

            Exit codes: 0 success, 1 failure or cancelled, 2 invalid input (the message names the field).
            """);
        stdout.WriteLine("Option names for --set: " + string.Join(", ", Core.Options.OptionCatalog.AllNames));
        return Success;
    }
}
