namespace RetailDatagen.Core.Pipeline;

public enum TableState
{
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>One table's progress: counters only, reported once per batch.</summary>
public sealed record TableProgress(
    string Table,
    string Title,
    int Stage,
    long RowsWritten,
    long RowsPlanned,
    TableState State,
    double ElapsedSeconds
);
