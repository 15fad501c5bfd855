using System.CommandLine;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Cli;

internal static class GenerateCommand
{
    public static Command Create(CliOptions cli, GenerationPipeline pipeline, TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("generate", "Write a run folder: retail.db, csv/<table>.csv and manifest.json.")
        {
            cli.Preset,
            cli.Config,
            cli.Seed,
            cli.Format,
            cli.Threads,
            cli.Set,
            cli.Out,
            cli.Force,
            cli.Quiet,
        };
        command.SetAction(
            (parsed, cancellationToken) => RunAsync(parsed, cli, pipeline, stdout, stderr, cancellationToken)
        );
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parsed,
        CliOptions cli,
        GenerationPipeline pipeline,
        TextWriter stdout,
        TextWriter stderr,
        CancellationToken cancellationToken
    )
    {
        if (OptionsFromArguments.TryBuild(parsed, cli, out var options) is { } optionError)
        {
            await stderr.WriteLineAsync(optionError);
            return CliApp.InvalidInput;
        }

        var runId = RunIds.New(TimeProvider.System);
        if (parsed.GetValue(cli.Out) is { } outArgument && string.IsNullOrWhiteSpace(outArgument))
        {
            await stderr.WriteLineAsync("--out must name a folder (got an empty value).");
            return CliApp.InvalidInput;
        }

        // Checked before anything is generated; the pipeline checks again once it holds the folder's lock.
        var outDir = Path.GetFullPath(parsed.GetValue(cli.Out) ?? Path.Combine("output", runId));
        var force = parsed.GetValue(cli.Force);
        if (RunFolder.Problem(outDir, force) is { } problem)
        {
            await stderr.WriteLineAsync("--out: " + problem);
            return CliApp.InvalidInput;
        }

        RemoveStaleStaging(outDir, stderr);
        await stdout.WriteLineAsync(
            $"Run {runId}: preset {options.Preset}, seed {options.Seed}, format {options.Format.ToOptionValue()} -> "
                + $"{outDir}"
        );
        using var progress = parsed.GetValue(cli.Quiet) ? null : new ConsoleProgress(stderr, TimeSpan.FromSeconds(1));
        try
        {
            var manifest = await pipeline.RunAsync(
                new GenerationRequest
                {
                    Options = options,
                    OutputDirectory = outDir,
                    RunId = runId,
                    Overwrite = force,
                },
                progress,
                cancellationToken
            );
            await stdout.WriteLineAsync(
                $"Completed: {manifest.TotalRows:N0} rows in {manifest.ElapsedSeconds:F2} s, "
                    + $"{manifest.TotalBytes / 1048576.0:F1} MB in {outDir}"
            );
            await RealismSummary.WriteAsync(stdout, manifest);
            return CliApp.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled: no output was written.");
            return CliApp.Failure;
        }
        catch (OutputFolderException ex)
        {
            await stderr.WriteLineAsync("--out: " + ex.Message);
            return CliApp.InvalidInput;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return CliApp.InvalidInput;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"Failed: {ex.Message} No output was written.");
            return CliApp.Failure;
        }
    }

    /// <summary>Removes what killed runs left beside the output folder (only folders no live run holds).</summary>
    private static void RemoveStaleStaging(string outDir, TextWriter stderr)
    {
        try
        {
            foreach (var removed in RunFolder.RemoveStale(Path.GetDirectoryName(outDir)!))
            {
                stderr.WriteLine($"Removed {removed}, left by a run that was killed.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Could not remove stale staging folders: {ex.Message}");
        }
    }
}
