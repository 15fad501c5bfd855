namespace RetailDatagen.Web.Runs;

public enum RunStatus
{
    /// <summary>Waiting for the run ahead of it: one run generates at a time.</summary>
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

public static class RunStatusExtensions
{
    public static bool IsActive(this RunStatus status) => status is RunStatus.Queued or RunStatus.Running;
}
