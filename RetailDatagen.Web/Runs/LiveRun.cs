using RetailDatagen.Core.Model;
using RetailDatagen.Core.Options;
using RetailDatagen.Core.Pipeline;

namespace RetailDatagen.Web.Runs;

/// <summary>
/// The mutable state of one run of this app's lifetime. The pipeline reports into it from its worker threads
/// (counters only); the ticker turns it into immutable <see cref="RunSnapshot"/>s. One lock guards it: it is taken
/// once per batch of thousands of rows, never per row. The run's phases (generating, then the finishing work) arrive
/// as <see cref="PhaseProgress"/>.
/// </summary>
internal sealed class LiveRun : IProgress<TableProgress>, IProgress<PhaseProgress>, IDisposable
{
    private readonly Lock _lock = new();
    private readonly TableSnapshot[] _tables;
    private readonly PhaseSnapshot[] _phases;
    private readonly EtaEstimator _eta = new();
    private readonly TimeProvider _time;
    private long _version;

    public LiveRun(string runId, GenerationOptions options, long sequence, TimeProvider time)
    {
        RunId = runId;
        Options = options;
        Sequence = sequence;
        _time = time;
        QueuedAt = time.GetUtcNow();
        var planned = GenerationPipeline.PlannedRows(options);
        _tables =
        [
            .. Tables
                .For(options)
                .Select(t => new TableSnapshot(t.Name, t.Title, t.Stage, TableState.Pending, 0, planned[t.Name], 0)),
        ];
        _phases = [.. PhaseSnapshot.PlannedFor(options)];
    }

    public string RunId { get; }

    public GenerationOptions Options { get; }

    /// <summary>Order of arrival: the queue position among waiting runs.</summary>
    public long Sequence { get; }

    public DateTimeOffset QueuedAt { get; }

    public CancellationTokenSource Cancellation { get; } = new();

    public RunStatus Status { get; private set; } = RunStatus.Queued;

    /// <summary>Grows on every change; the ticker publishes only runs whose version moved.</summary>
    public long Version => Interlocked.Read(ref _version);

    private DateTimeOffset? StartedAt { get; set; }

    private DateTimeOffset? FinishedAt { get; set; }

    private string? Error { get; set; }

    private long? OutputBytes { get; set; }

    public void Report(TableProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var index = Array.FindIndex(_tables, t => t.Name == value.Table);
            if (index < 0)
            {
                return;
            }

            // Reports of one table may arrive out of order from different threads: counters never go back and a
            // finished table never returns to Running.
            var current = _tables[index];
            var finished = current.State is TableState.Completed or TableState.Failed or TableState.Cancelled;
            _tables[index] = current with
            {
                State = finished && value.State == TableState.Running ? current.State : value.State,
                RowsWritten = Math.Max(current.RowsWritten, value.RowsWritten),
                RowsPlanned = value.RowsPlanned,
                ElapsedSeconds = Math.Max(current.ElapsedSeconds, value.ElapsedSeconds),
            };
            _version++;
        }
    }

    public void Report(PhaseProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var index = Array.FindIndex(_phases, p => p.Phase == value.Phase);
            if (index < 0)
            {
                return;
            }

            // A phase starting completes the ones before it, so the list never shows two phases running.
            for (var i = 0; i < index; i++)
            {
                if (_phases[i].State is TableState.Pending or TableState.Running)
                {
                    _phases[i] = _phases[i] with { State = TableState.Completed, Fraction = 1 };
                }
            }

            var current = _phases[index];
            _phases[index] = current with
            {
                Title = value.Title,
                State =
                    current.State == TableState.Completed && value.State == TableState.Running
                        ? current.State
                        : value.State,
                Fraction = Math.Max(current.Fraction, Math.Clamp(value.Fraction, 0, 1)),
                ElapsedSeconds = Math.Max(current.ElapsedSeconds, value.ElapsedSeconds),
            };
            _version++;
        }
    }

    /// <summary>Moves to Running unless the run was cancelled while it waited.</summary>
    public bool TryStart()
    {
        lock (_lock)
        {
            if (Status != RunStatus.Queued || Cancellation.IsCancellationRequested)
            {
                return false;
            }

            Status = RunStatus.Running;
            StartedAt = _time.GetUtcNow();
            _version++;
            return true;
        }
    }

    public void Complete(RunManifest manifest)
    {
        lock (_lock)
        {
            for (var i = 0; i < _tables.Length; i++)
            {
                var table = manifest.Tables.FirstOrDefault(t => t.Name == _tables[i].Name);
                _tables[i] = _tables[i] with
                {
                    State = TableState.Completed,
                    RowsWritten = table?.RowCount ?? _tables[i].RowsWritten,
                };
            }

            for (var i = 0; i < _phases.Length; i++)
            {
                _phases[i] = _phases[i] with { State = TableState.Completed, Fraction = 1 };
            }

            OutputBytes = manifest.TotalBytes;
            Finish(RunStatus.Completed, null);
        }
    }

    public void Fail(RunStatus status, string? error)
    {
        lock (_lock)
        {
            FailCore(status, error);
        }
    }

    /// <summary>Cancels a waiting run at once; a running one stops at its next batch and ends Cancelled.</summary>
    public void RequestCancel()
    {
        lock (_lock)
        {
            if (Status == RunStatus.Queued)
            {
                FailCore(RunStatus.Cancelled, null);
            }
        }

        // Outside the lock: cancelling runs the pipeline's callbacks on this thread.
        Cancellation.Cancel();
    }

    public RunSnapshot ToSnapshot(int queuePosition)
    {
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var snapshot = new RunSnapshot
            {
                RunId = RunId,
                Status = Status,
                Options = Options,
                Tables = [.. _tables],
                Phases = [.. _phases],
                QueuedAt = QueuedAt,
                StartedAt = StartedAt,
                FinishedAt = FinishedAt,
                ElapsedSeconds = StartedAt is { } started ? ((FinishedAt ?? now) - started).TotalSeconds : 0,
                QueuePosition = Status == RunStatus.Queued ? queuePosition : 0,
                Error = Error,
                OutputBytes = OutputBytes,
            };
            return Status == RunStatus.Running
                ? snapshot with
                {
                    EtaSeconds = _eta.Update(snapshot.ElapsedSeconds, snapshot.Fraction),
                }
                : snapshot;
        }
    }

    public void Dispose() => Cancellation.Dispose();

    private void FailCore(RunStatus status, string? error)
    {
        if (!Status.IsActive())
        {
            return;
        }

        var tableState = status == RunStatus.Cancelled ? TableState.Cancelled : TableState.Failed;
        for (var i = 0; i < _tables.Length; i++)
        {
            if (_tables[i].State is TableState.Pending or TableState.Running)
            {
                _tables[i] = _tables[i] with { State = tableState };
            }
        }

        for (var i = 0; i < _phases.Length; i++)
        {
            if (_phases[i].State == TableState.Running)
            {
                _phases[i] = _phases[i] with { State = tableState };
            }
        }

        Finish(status, error);
    }

    private void Finish(RunStatus status, string? error)
    {
        Status = status;
        Error = error;
        FinishedAt = _time.GetUtcNow();
        _version++;
    }
}
