using System.CommandLine;
using System.Globalization;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Cli;

/// <summary>
/// The options of the verbs, declared once for parsing, help and completion. Values stay text here: the messages for
/// a bad value come from <see cref="OptionCatalog"/>, the same as the Configure page shows.
/// </summary>
internal sealed class CliOptions
{
    public Option<string?> Preset { get; } =
        Text("--preset", "Starting values: small or standard (default standard).", Presets.Names);

    public Option<string?> Config { get; } =
        Text("--config", "Options as JSON (the names of --set; may name a preset). At most 64 KB is read.");

    public Option<string?> Seed { get; } =
        Text("--seed", $"Seed, 0..{OptionCatalog.MaxSeed:N0}: the same options and seed give the same data.");

    public Option<string?> Format { get; } =
        Text("--format", "Outputs: sqlite, csv or both (default both).", ["sqlite", "csv", "both"]);

    public Option<string?> Threads { get; } =
        Text("--threads", "Tables generated at once, 1..64 (never changes the data).");

    public Option<string[]> Set { get; } = SetOption();

    public Option<string?> Out { get; } =
        Text("--out", "The run folder (default ./output/<run id>); must be empty unless --force.");

    public Option<string?> BenchOut { get; } =
        Text("--out", "Where bench.json and the measured run go (default ./output/bench).");

    public Option<bool> Force { get; } =
        new("--force")
        {
            Description =
                "Replace an empty folder or an earlier run folder (one with manifest.json), "
                + "once the new run succeeded.",
        };

    public Option<bool> Quiet { get; } = new("--quiet") { Description = "No progress lines on stderr." };

    /// <summary>
    /// Every <c>--set</c> name (all of <see cref="OptionCatalog.AllNames"/>) with what it accepts, for the help text.
    /// </summary>
    public static IEnumerable<string> SetNames()
    {
        var hints = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["startDate"] =
                $"yyyy-MM-dd, {OptionCatalog.MinStartDate:yyyy-MM-dd}..{OptionCatalog.MaxStartDate:yyyy-MM-dd}",
            ["format"] = "sqlite, csv, both",
            ["taxRate"] = string.Create(CultureInfo.InvariantCulture, $"0..{OptionCatalog.MaxTaxRate}"),
            ["generateFacts"] = "true, false",
        };
        foreach (var field in OptionCatalog.Fields)
        {
            hints[field.Name] = field.RangeText;
        }

        return OptionCatalog.AllNames.Select(n => hints.TryGetValue(n, out var hint) ? $"{n} ({hint})" : n);
    }

    private static Option<string?> Text(string name, string description, IReadOnlyList<string>? completions = null)
    {
        var option = new Option<string?>(name) { Description = description };
        if (completions is not null)
        {
            option.CompletionSources.Add([.. completions]);
        }

        return option;
    }

    private static Option<string[]> SetOption()
    {
        var option = new Option<string[]>("--set")
        {
            Description =
                "Any option as name=value (repeatable), e.g. --set customers=20000. Names: "
                + string.Join(", ", OptionCatalog.AllNames)
                + ".",
            HelpName = "name=value",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        option.CompletionSources.Add(_ => OptionCatalog.AllNames.Select(n => n + "="));
        return option;
    }
}
