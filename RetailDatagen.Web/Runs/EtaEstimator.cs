namespace RetailDatagen.Web.Runs;

/// <summary>
/// Time left for a run from how fast its overall fraction grows, smoothed (an exponential average over samples at
/// least <see cref="SampleSeconds"/> apart), so one slow batch or a burst of small tables does not make it jump.
/// It stays hidden until the run has gone on long enough to say anything, and is never negative.
/// </summary>
public sealed class EtaEstimator
{
    public const double SampleSeconds = 1;
    public const double MinElapsedSeconds = 3;
    public const double MinFraction = 0.02;
    private const double Smoothing = 0.3;

    private double? _lastSeconds;
    private double _lastFraction;
    private double? _rate;

    /// <summary>Adds a sample (elapsed seconds since the run started, overall fraction done) and returns the ETA or
    /// null.</summary>
    public double? Update(double elapsedSeconds, double fraction)
    {
        if (_lastSeconds is not { } last)
        {
            (_lastSeconds, _lastFraction) = (elapsedSeconds, fraction);
        }
        else if (elapsedSeconds - last >= SampleSeconds)
        {
            var rate = Math.Max(0, fraction - _lastFraction) / (elapsedSeconds - last);
            _rate = _rate is { } previous
                ? (Smoothing * rate) + ((1 - Smoothing) * previous)
                : fraction / Math.Max(elapsedSeconds, 1e-9);
            (_lastSeconds, _lastFraction) = (elapsedSeconds, fraction);
        }

        return Estimate(elapsedSeconds, fraction);
    }

    private double? Estimate(double elapsedSeconds, double fraction)
    {
        if (elapsedSeconds < MinElapsedSeconds || fraction < MinFraction || _rate is not { } rate)
        {
            return null;
        }

        // A stalled rate (e.g. one long index build) falls back to the run's average rather than infinity.
        var effective = Math.Max(rate, fraction / elapsedSeconds / 4);
        return effective <= 0 ? null : Math.Max(0, (1 - fraction) / effective);
    }
}
