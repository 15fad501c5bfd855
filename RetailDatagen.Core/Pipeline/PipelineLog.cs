using Microsoft.Extensions.Logging;
using RetailDatagen.Core.Options;

namespace RetailDatagen.Core.Pipeline;

/// <summary>The pipeline's log messages (source-generated), shared by its stages.</summary>
internal static partial class PipelineLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} started (seed {Seed}, format {Format})")]
    public static partial void RunStarted(this ILogger logger, string runId, long seed, OutputFormat format);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} completed: {Rows} rows in {Seconds:F2} s")]
    public static partial void RunCompleted(this ILogger logger, string runId, long rows, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {RunId} cancelled; no output was kept")]
    public static partial void RunCancelled(this ILogger logger, string runId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {RunId} failed; no output was kept")]
    public static partial void RunFailed(this ILogger logger, Exception exception, string runId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Table {Table} started: {Rows} rows planned")]
    public static partial void TableStarted(this ILogger logger, string table, long rows);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table {Table} completed: {Rows} rows in {Seconds:F2} s")]
    public static partial void TableCompleted(this ILogger logger, string table, long rows, double seconds);
}
