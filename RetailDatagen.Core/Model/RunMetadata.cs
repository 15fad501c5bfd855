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

/// <summary>A <c>meta_quality</c> row: one invariant, how many rows it covered and how many broke it.</summary>
public sealed class MetaQuality
{
    public string Check { get; set; } = "";
    public string Description { get; set; } = "";
    public long Checked { get; set; }
    public long Failed { get; set; }
}

/// <summary>A <c>meta_realism</c> row: one realism KPI of DATA-CONTRACT §4, its measured value and target.</summary>
public sealed class MetaRealism
{
    public string Kpi { get; set; } = "";
    public double Value { get; set; }
    public string Target { get; set; } = "";
    public bool Met { get; set; }
    public string Unit { get; set; } = "";
    public string Description { get; set; } = "";
}
