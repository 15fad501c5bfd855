namespace RetailDatagen.Core.Pipeline;

/// <summary>The named steps of a run, in order. Tables are written during <see cref="Generating"/>; the rest is
/// finishing work.</summary>
public enum RunPhase
{
    Generating,
    BuildingIndexes,
    CheckingKeys,
    Reports,
    Committing,
}

/// <summary>
/// Progress of one run phase. The pipeline reports it to its progress argument when that object also
/// implements <see cref="IProgress{PhaseProgress}"/>; <paramref name="Fraction"/> is 0..1 within the phase.
/// </summary>
public sealed record PhaseProgress(
    RunPhase Phase,
    string Title,
    TableState State,
    double Fraction,
    double ElapsedSeconds
);
