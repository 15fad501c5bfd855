namespace RetailDatagen.Web.Cli;

/// <summary>Parsed <c>--name value</c> pairs, repeatable <c>--set</c>, and flags.</summary>
internal sealed class CliArguments
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "force", "help", "quiet" };
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public List<string> Sets { get; } = [];

    public HashSet<string> SetFlags { get; } = new(StringComparer.Ordinal);

    public string? this[string name] => _values.GetValueOrDefault(name);

    public bool Has(string flag) => SetFlags.Contains(flag);

    /// <summary>Parses; returns an error message (naming the argument) or null.</summary>
    public static string? TryParse(IReadOnlyList<string> args, IReadOnlySet<string> allowed, out CliArguments parsed)
    {
        parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return $"Unexpected argument '{arg}'. Run with --help for usage.";
            }

            var name = arg[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && name[..eq] != "set")
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (Flags.Contains(name) && allowed.Contains(name))
            {
                parsed.SetFlags.Add(name);
                continue;
            }

            if (!allowed.Contains(name))
            {
                return $"Unknown option '--{name}'. Allowed: {string.Join(", ", allowed.Order().Select(a => "--" + a))}.";
            }

            var value = inline;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    return $"--{name} needs a value.";
                }

                value = args[++i];
            }

            if (name == "set")
            {
                parsed.Sets.Add(value);
            }
            else
            {
                parsed._values[name] = value;
            }
        }

        return null;
    }
}
