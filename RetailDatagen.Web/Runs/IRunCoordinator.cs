using RetailDatagen.Core.Options;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// Starts, cancels and reports runs. One run generates at a time; a Generate while another run is active is
/// queued (shown as Queued) and starts when the runs ahead of it end. Pages talk to this seam only, so their
/// tests can feed them snapshots.
/// </summary>
public interface IRunCoordinator
{
    /// <summary>Validates the options again (the server never trusts the page) and queues the run.</summary>
    StartResult Start(GenerationOptions options);

    /// <summary>The current snapshot of a run of this app's lifetime, or null.</summary>
    RunSnapshot? Find(string runId);

    /// <summary>Every run of this app's lifetime, newest first.</summary>
    IReadOnlyList<RunSnapshot> Snapshots();

    /// <summary>Cancels a queued or running run. False when the run is unknown or already over.</summary>
    bool Cancel(string runId);

    /// <summary>Drops the record of a failed or cancelled run (they leave no folder). False for an active or unknown
    /// run.</summary>
    bool Forget(string runId);

    /// <summary>Calls <paramref name="onSnapshot"/> with each new snapshot of one run (or of every run when null) until
    /// disposed.</summary>
    IDisposable Subscribe(string? runId, Func<RunSnapshot, Task> onSnapshot);
}

/// <summary>Either the id of the queued run or the reasons it was refused.</summary>
public sealed record StartResult(string? RunId, IReadOnlyList<ValidationError> Errors)
{
    public bool Started => RunId is not null;

    public static StartResult Queued(string runId) => new(runId, []);

    public static StartResult Refused(IReadOnlyList<ValidationError> errors) => new(null, errors);
}
