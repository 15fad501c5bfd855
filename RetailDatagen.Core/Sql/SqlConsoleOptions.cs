namespace RetailDatagen.Core.Sql;

/// <summary>The bounds of the read-only SQL console (the web app binds them from <c>RetailDatagen:Sql</c>).</summary>
public sealed record SqlConsoleOptions
{
    /// <summary>A statement still running after this long is interrupted.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A full-result export (CSV/JSON) may run this long: it streams rows, so it is bound by the
    /// data.</summary>
    public TimeSpan ExportTimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Rows shown on screen (and returned by the JSON API); the export streams all of them.</summary>
    public int MaxDisplayRows { get; init; } = 10_000;

    /// <summary>Queries that may run at the same time across every tab and API caller.</summary>
    public int MaxConcurrentQueries { get; init; } = 4;
}
