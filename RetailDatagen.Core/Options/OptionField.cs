namespace RetailDatagen.Core.Options;

/// <summary>One numeric option: its public name (as used by <c>--set</c>, JSON and the UI), bounds and
/// accessors.</summary>
public sealed record OptionField(
    string Name,
    string Label,
    string Group,
    long Min,
    long Max,
    Func<GenerationOptions, long> Get,
    Func<GenerationOptions, long, GenerationOptions> Set,
    string Description
)
{
    public string RangeText => $"{Min:N0}..{Max:N0}";
}
