namespace RetailDatagen.Web.Runs;

public enum RunStatus
{
    /// <summary>Waiting for the run ahead of it: one run generates at a time.</summary>
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,

    /// <summary>A run folder whose manifest is unusable or whose files no longer match it: listed, deletable, not
    /// served.</summary>
    Damaged,
}

public static class RunStatusExtensions
{
    public static bool IsActive(this RunStatus status) => status is RunStatus.Queued or RunStatus.Running;
}
