namespace RetailDatagen.Core.Model;

/// <summary>The one <c>meta_run</c> row: the run's reproducibility certificate.</summary>
public sealed class MetaRun
{
    public string RunId { get; set; } = "";
    public string GeneratorVersion { get; set; } = "";
    public long Seed { get; set; }
    public string ConfigJson { get; set; } = "";
    public string StartedAt { get; set; } = "";
    public string CompletedAt { get; set; } = "";
    public string Status { get; set; } = "";
}

/// <summary>A <c>meta_tables</c> row.</summary>
public sealed class MetaTable
{
    public string TableName { get; set; } = "";
    public long RowCount { get; set; }
    public string ContentHash { get; set; } = "";
    public double GeneratedSeconds { get; set; }
}
