using System.Collections.Concurrent;
using System.Globalization;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Cli;

/// <summary>Prints per-table progress to stderr: a line when a table completes and an overall line each
/// second.</summary>
internal sealed class ConsoleProgress(TextWriter output) : IProgress<TableProgress>, IDisposable
{
    private readonly ConcurrentDictionary<string, TableProgress> _latest = new(StringComparer.Ordinal);
    private readonly Timer? _timer;
    private readonly Lock _gate = new();

    public ConsoleProgress(TextWriter output, TimeSpan interval)
        : this(output)
    {
        _timer = new Timer(_ => PrintOverall(), null, interval, interval);
    }

    public void Report(TableProgress value)
    {
        _latest.TryGetValue(value.Table, out var previous);
        _latest[value.Table] = value;
        if (
            value.State != previous?.State
            && value.State is TableState.Completed or TableState.Failed or TableState.Cancelled
        )
        {
            lock (_gate)
            {
                output.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"  {value.State,-9} {value.Table,-32} {value.RowsWritten,12:N0} / "
                            + $"{value.RowsPlanned,-12:N0} {value.ElapsedSeconds,7:F2} s"
                    )
                );
            }
        }
    }

    public void PrintOverall()
    {
        var snapshot = _latest.Values.ToList();
        if (snapshot.Count == 0)
        {
            return;
        }

        var written = snapshot.Sum(t => t.RowsWritten);
        var planned = Math.Max(1, snapshot.Sum(t => t.RowsPlanned));
        var running = snapshot
            .Where(t => t.State == TableState.Running)
            .Select(t => $"{t.Table} {t.RowsWritten:N0}/{t.RowsPlanned:N0}");
        lock (_gate)
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"[{100.0 * written / planned,5:F1}%] {written:N0} / {planned:N0} rows; "
                        + $"{snapshot.Count(t => t.State == TableState.Completed)}/{snapshot.Count} tables complete; "
                        + $"running: {string.Join(", ", running)}"
                )
            );
        }
    }

    public void Dispose() => _timer?.Dispose();
}
