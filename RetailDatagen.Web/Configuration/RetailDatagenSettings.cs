namespace RetailDatagen.Web.Configuration;

/// <summary>The <c>RetailDatagen</c> configuration section, validated at start.</summary>
public sealed record RetailDatagenSettings
{
    public const string Section = "RetailDatagen";

    /// <summary>Where run folders go (relative paths resolve against the current directory, as the CLI does).</summary>
    public string OutputRoot { get; init; } = "output";

    /// <summary>Finished runs kept in <see cref="OutputRoot"/>; older ones are deleted after each new run. 0 keeps
    /// all.</summary>
    public int KeepLastRuns { get; init; } = 20;

    /// <summary>
    /// Total size of the finished run folders kept in <see cref="OutputRoot"/>, in GB (1 GB = 1024³ bytes); after each
    /// new run the oldest runs are deleted until the rest fit, but never the newest run. 0 = no size limit.
    /// </summary>
    public double MaxTotalGB { get; init; } = 20;

    /// <summary>Runs that may wait behind the one generating; a Generate beyond that is refused with a
    /// message.</summary>
    public int MaxQueuedRuns { get; init; } = 8;

    public string OutputRootPath => Path.GetFullPath(OutputRoot);
}
