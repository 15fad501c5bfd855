using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using RetailDatagen.Core;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Cli;

/// <summary>
/// The command-line verbs (System.CommandLine: generated help, completion through the <c>[suggest]</c> directive).
/// They use the same pipeline as the web app and start no web host. Every outcome is one of three exit codes.
/// </summary>
internal static class CliApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int InvalidInput = 2;

    public static bool IsCommand(string[] args) =>
        args.Length > 0
        && (
            args[0] is "generate" or "bench" or "help" or "--help" or "-h" or "-?" or "--version"
            || args[0].StartsWith("[suggest", StringComparison.Ordinal)
        );

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

    public static async Task<int> RunAsync(
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken
    )
    {
        // The same registration as the web app: the pipeline and its clock come from the container.
        await using var services = new ServiceCollection().AddRetailDatagenCore().BuildServiceProvider();
        var root = Build(services.GetRequiredService<GenerationPipeline>(), stdout, stderr);
        var parsed = root.Parse(args is ["help", .. var rest] ? [.. rest, "--help"] : args);
        if (parsed.Action is ParseErrorAction)
        {
            await stderr.WriteLineAsync(ErrorMessage(parsed));
            return InvalidInput;
        }

        // Signals are handled by RunFromConsoleAsync (which cancels cleanly), not by System.CommandLine's own
        // termination timeout, which would end the process before the staging folder is removed.
        var invocation = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parsed.InvokeAsync(invocation, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled.");
            return Failure;
        }
        catch (Exception ex)
        {
            // Anything unexpected: one line, never a stack trace (the pipeline has already removed its staging).
            await stderr.WriteLineAsync($"Failed: {ex.GetType().Name}: {ex.Message.Split('\n', 2)[0].Trim()}");
            return Failure;
        }
    }

    private static RootCommand Build(GenerationPipeline pipeline, TextWriter stdout, TextWriter stderr)
    {
        var cli = new CliOptions();
        var root = new RootCommand(
            """
            RetailDatagen: synthetic retail datasets (SQLite and CSV).
            Without a command it runs the web app (http://127.0.0.1:5000).
            Exit codes: 0 success, 1 failure or cancelled, 2 invalid input (the message names the option).
            """
        )
        {
            GenerateCommand.Create(cli, pipeline, stdout, stderr),
            BenchCommand.Create(cli, pipeline, stdout, stderr),
        };
        foreach (var option in root.Options.Where(o => o.Action is HelpAction))
        {
            option.Action = new HelpWithSetNames((HelpAction)option.Action!);
        }

        return root;
    }

    /// <summary>
    /// The parser's complaint in this tool's words: an unknown option names itself and the allowed ones.
    /// </summary>
    private static string ErrorMessage(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        if (parsed.UnmatchedTokens.FirstOrDefault() is { } token)
        {
            var allowed = string.Join(", ", command.Options.Where(o => o.Action is null).Select(o => o.Name));
            return token.StartsWith('-')
                ? $"Unknown option '{token}'. Allowed: {allowed}. Run with --help for usage."
                : $"Unexpected argument '{token}'. Run with --help for usage.";
        }

        return string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)) + " Run with --help for usage.";
    }

    /// <summary>
    /// The generated help, followed by every name <c>--set</c> accepts with its range (from the option catalog).
    /// </summary>
    private sealed class HelpWithSetNames(HelpAction help) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            help.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Names for --set (and keys of --config):");
            foreach (var name in CliOptions.SetNames())
            {
                output.WriteLine("  " + name);
            }

            return Success;
        }
    }
}
