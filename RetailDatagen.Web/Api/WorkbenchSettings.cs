using RetailDatagen.Core.Sql;

namespace RetailDatagen.Web.Api;

/// <summary>The <c>RetailDatagen:Sql</c> section: the SQL console's bounds, validated at start.</summary>
public sealed record WorkbenchSettings
{
    public const string Section = "RetailDatagen:Sql";

    /// <summary>A console or API query still running after this many seconds is interrupted.</summary>
    public double TimeLimitSeconds { get; init; } = 5;

    /// <summary>Rows shown on screen and returned by the JSON API; exports stream the full result.</summary>
    public int MaxDisplayRows { get; init; } = 10_000;

    /// <summary>Queries running at once over every tab and API caller.</summary>
    public int MaxConcurrentQueries { get; init; } = 4;

    public SqlConsoleOptions ToOptions() =>
        new()
        {
            TimeLimit = TimeSpan.FromSeconds(TimeLimitSeconds),
            MaxDisplayRows = MaxDisplayRows,
            MaxConcurrentQueries = MaxConcurrentQueries,
        };
}
