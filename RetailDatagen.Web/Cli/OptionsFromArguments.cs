using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Cli;

/// <summary>Builds options from --preset, --config, --seed, --format, --threads and --set, in that order.</summary>
internal static class OptionsFromArguments
{
    public static string? TryBuild(System.CommandLine.ParseResult args, CliOptions cli, out GenerationOptions options)
    {
        options = Presets.Standard;
        var presetName = args.GetValue(cli.Preset);
        if (presetName is not null && !Presets.TryGet(presetName, out options))
        {
            return $"--preset must be one of {string.Join(", ", Presets.Names)} (got '{presetName}').";
        }

        if (args.GetValue(cli.Config) is { } configPath)
        {
            if (ReadConfig(configPath, out var text) is { } readError)
            {
                return readError;
            }

            if (!OptionsJson.TryParse(text, out var fromFile, out var errors))
            {
                return "--config: " + string.Join(Environment.NewLine, errors.Select(e => e.Message));
            }

            options = presetName is null ? fromFile : fromFile with { Preset = options.Preset };
        }

        var direct = new[]
        {
            ("seed", args.GetValue(cli.Seed)),
            ("format", args.GetValue(cli.Format)),
            ("threads", args.GetValue(cli.Threads)),
        };
        foreach (var (name, value) in direct)
        {
            if (value is not null && OptionCatalog.TrySet(ref options, name, value) is { } error)
            {
                return error;
            }
        }

        var changed = false;
        foreach (var assignment in args.GetValue(cli.Set) ?? [])
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return $"--set expects name=value (got '{assignment}'). Names: "
                    + $"{string.Join(", ", OptionCatalog.AllNames)}.";
            }

            if (OptionCatalog.TrySet(ref options, assignment[..eq].Trim(), assignment[(eq + 1)..].Trim()) is { } error)
            {
                return error;
            }

            changed = true;
        }

        if (changed)
        {
            options = options with { Preset = "custom" };
        }

        var problems = OptionsValidator.Validate(options);
        return problems.Count == 0 ? null : string.Join(Environment.NewLine, problems.Select(p => p.Message));
    }

    /// <summary>
    /// Reads at most <see cref="OptionsJson.MaxFileBytes"/> (+1 to notice more) from any kind of file: the length a
    /// file system reports is 0 for devices, pipes and procfs, so only a bounded read keeps the limit.
    /// </summary>
    private static string? ReadConfig(string path, out string text)
    {
        text = "";
        try
        {
            using var stream = new FileStream(
                path,
                FileMode.Open,
                FileAccess.Read,
                FileShare.Read,
                1,
                FileOptions.SequentialScan
            );
            var buffer = new byte[OptionsJson.MaxFileBytes + 1];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > OptionsJson.MaxFileBytes)
            {
                return $"--config: the file is larger than {OptionsJson.MaxFileBytes / 1024} KB.";
            }

            text = System.Text.Encoding.UTF8.GetString(buffer, 0, total);
            return null;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"--config: the file '{path}' does not exist.";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return $"--config: cannot read '{path}': {ex.Message}";
        }
    }
}
