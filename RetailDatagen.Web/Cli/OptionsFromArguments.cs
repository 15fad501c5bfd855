using System.Globalization;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Cli;

/// <summary>Builds options from --preset, --config, --seed, --format, --threads and --set, in that order.</summary>
internal static class OptionsFromArguments
{
    public static string? TryBuild(CliArguments args, out GenerationOptions options)
    {
        options = Presets.Standard;
        var presetName = args["preset"];
        if (presetName is not null && !Presets.TryGet(presetName, out options))
        {
            return $"--preset must be one of {string.Join(", ", Presets.Names)} (got '{presetName}').";
        }

        if (args["config"] is { } configPath)
        {
            var info = new FileInfo(configPath);
            if (!info.Exists)
            {
                return $"--config: the file '{configPath}' does not exist.";
            }

            if (info.Length > OptionsJson.MaxFileBytes)
            {
                return $"--config: the file is larger than {OptionsJson.MaxFileBytes / 1024} KB.";
            }

            if (!OptionsJson.TryParse(File.ReadAllText(configPath), out var fromFile, out var errors))
            {
                return "--config: " + string.Join(Environment.NewLine, errors.Select(e => e.Message));
            }

            options = presetName is null ? fromFile : fromFile with { Preset = options.Preset };
        }

        foreach (var (name, value) in new[] { ("seed", args["seed"]), ("format", args["format"]), ("threads", args["threads"]) })
        {
            if (value is not null && OptionCatalog.TrySet(ref options, name, value) is { } error)
            {
                return error;
            }
        }

        var changed = false;
        foreach (var assignment in args.Sets)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                return $"--set expects name=value (got '{assignment}'). Names: {string.Join(", ", OptionCatalog.AllNames)}.";
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

    public static string Invariant(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
