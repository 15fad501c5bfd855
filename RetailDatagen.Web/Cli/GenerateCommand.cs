using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Cli;

internal static class GenerateCommand
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
        { "preset", "config", "seed", "format", "threads", "set", "out", "force", "help", "quiet" };

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (CliArguments.TryParse(args, Allowed, out var parsed) is { } parseError)
        {
            await stderr.WriteLineAsync(parseError);
            return CliApp.InvalidInput;
        }

        if (parsed.Has("help"))
        {
            return CliApp.Help(stdout);
        }

        if (OptionsFromArguments.TryBuild(parsed, out var options) is { } optionError)
        {
            await stderr.WriteLineAsync(optionError);
            return CliApp.InvalidInput;
        }

        var runId = RunIds.New(TimeProvider.System);
        var outDir = Path.GetFullPath(parsed["out"] ?? Path.Combine("output", runId));
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any() && !parsed.Has("force"))
        {
            await stderr.WriteLineAsync($"--out: the folder '{outDir}' is not empty; choose another folder or pass --force to replace it.");
            return CliApp.InvalidInput;
        }

        await stdout.WriteLineAsync($"Run {runId}: preset {options.Preset}, seed {options.Seed}, format {options.Format.ToOptionValue()} -> {outDir}");
        using var progress = parsed.Has("quiet") ? null : new ConsoleProgress(stderr, TimeSpan.FromSeconds(1));
        try
        {
            var manifest = await new GenerationPipeline().RunAsync(
                new GenerationRequest { Options = options, OutputDirectory = outDir, RunId = runId, Overwrite = parsed.Has("force") },
                progress,
                cancellationToken);
            await stdout.WriteLineAsync($"Completed: {manifest.TotalRows:N0} rows in {manifest.ElapsedSeconds:F2} s, {manifest.TotalBytes / 1048576.0:F1} MB in {outDir}");
            await RealismSummary.WriteAsync(stdout, manifest);
            return CliApp.Success;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("Cancelled: no output was written.");
            return CliApp.Failure;
        }
        catch (OptionsValidationException ex)
        {
            await stderr.WriteLineAsync(ex.Message);
            return CliApp.InvalidInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await stderr.WriteLineAsync($"Failed: {ex.Message} No output was written.");
            return CliApp.Failure;
        }
    }
}
