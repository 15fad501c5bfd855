namespace RetailDatagen.Core.Pipeline;

/// <summary>
/// Reports the run phases to the pipeline's progress argument when it also listens for
/// <see cref="PhaseProgress"/>; otherwise every call is a no-op. One phase runs at a time, in
/// <see cref="RunPhase"/> order; phases that do not apply to a run (indexes and keys without SQLite) are skipped.
/// </summary>
public sealed class PhaseReporter(IProgress<TableProgress>? progress, TimeProvider time)
{
    private readonly IProgress<PhaseProgress>? _listener = progress as IProgress<PhaseProgress>;
    private RunPhase? _current;
    private long _started;
    private double _fraction;

    public static string TitleOf(RunPhase phase) =>
        phase switch
        {
            RunPhase.Generating => "Generating tables",
            RunPhase.BuildingIndexes => "Building indexes",
            RunPhase.CheckingKeys => "Checking foreign keys",
            RunPhase.Reports => "Quality, realism and overview reports",
            RunPhase.Committing => "Committing the run",
            _ => phase.ToString(),
        };

    /// <summary>Completes the running phase (if any) and starts <paramref name="phase"/> at 0.</summary>
    public void Start(RunPhase phase)
    {
        Complete();
        _current = phase;
        _started = time.GetTimestamp();
        Report(TableState.Running, 0);
    }

    /// <summary>Progress within the running phase, 0..1.</summary>
    public void Advance(double fraction) => Report(TableState.Running, Math.Clamp(fraction, 0, 1));

    public void Complete()
    {
        Report(TableState.Completed, 1);
        _current = null;
    }

    /// <summary>Marks the running phase failed or cancelled (a run that stops mid-phase).</summary>
    public void Stop(TableState state)
    {
        Report(state, _fraction);
        _current = null;
    }

    private void Report(TableState state, double fraction)
    {
        _fraction = fraction;
        if (_listener is not null && _current is { } phase)
        {
            _listener.Report(
                new PhaseProgress(phase, TitleOf(phase), state, fraction, time.GetElapsedTime(_started).TotalSeconds)
            );
        }
    }
}
