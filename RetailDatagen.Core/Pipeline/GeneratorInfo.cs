namespace RetailDatagen.Core.Pipeline;

public static class GeneratorInfo
{
    /// <summary>Bumped whenever the generated rows change on purpose; recorded in every run.</summary>
    public const string Version = "2.1.0";
}
