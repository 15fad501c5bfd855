using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Core.Pipeline;

/// <summary>What to generate and where the finished run folder goes.</summary>
public sealed record GenerationRequest
{
    public required GenerationOptions Options { get; init; }

    /// <summary>The final run folder. It appears only when the run succeeds.</summary>
    public required string OutputDirectory { get; init; }

    public required string RunId { get; init; }

    /// <summary>Replace an existing non-empty output folder (only after the new run succeeded).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Generate rows but neither hash nor write them (benchmarking generation alone; content hashes are
    /// empty).</summary>
    public bool DiscardOutput { get; init; }

    /// <summary>Called after each batch is written; a test hook to inject faults.</summary>
    internal Action<TableInfo, long>? AfterBatch { get; init; }
}
