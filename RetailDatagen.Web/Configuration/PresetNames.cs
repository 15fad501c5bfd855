using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Configuration;

/// <summary>The preset picker's choices, and which one a set of options still matches.</summary>
public static class PresetNames
{
    public const string Custom = "custom";

    public static IReadOnlyList<string> All { get; } = [.. Presets.Names, Custom];

    /// <summary>
    /// The preset whose dataset shape (every numeric option outside the Run group) the options still have, else
    /// "custom". Seed, output format, threads and batch size never make options custom.
    /// </summary>
    public static string Match(GenerationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var name in Presets.Names)
        {
            if (Presets.TryGet(name, out var preset) && SameShape(options, preset))
            {
                return name;
            }
        }

        return Custom;
    }

    /// <summary>Options with <see cref="GenerationOptions.Preset"/> set to what they match.</summary>
    public static GenerationOptions Relabel(GenerationOptions options) => options with { Preset = Match(options) };

    private static bool SameShape(GenerationOptions a, GenerationOptions b) =>
        a.StartDate == b.StartDate
        && a.GenerateFacts == b.GenerateFacts
        && a.TaxRate == b.TaxRate
        && OptionCatalog.Fields.Where(f => f.Group != "Run").All(f => f.Get(a) == f.Get(b));
}
