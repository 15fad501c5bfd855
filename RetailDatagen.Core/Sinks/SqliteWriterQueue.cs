using System.Threading.Channels;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>Work for the SQLite writer, done on its thread in queue order.</summary>
internal interface IWriterWork
{
    void Run(SqliteBulkWriter writer);
}

/// <summary>A batch of one table's rows on its way to SQLite; <see cref="Written"/> runs once they are in.</summary>
internal sealed record WriteBatch(TableInfo Table, IRow[] Rows, Action<int> Written) : IWriterWork
{
    public void Run(SqliteBulkWriter writer)
    {
        writer.Insert(Table, Rows);
        Written(Rows.Length);
    }
}

/// <summary>Builds a table's indexes once its last batch is in (queued after it).</summary>
internal sealed record BuildTableIndexes(TableInfo Table) : IWriterWork
{
    public void Run(SqliteBulkWriter writer) => writer.BuildIndexes(Table);
}

/// <summary>Builds every index not built yet, once the run's last batch is in (queued after it):
/// <see cref="Starting"/> runs first, <see cref="Built"/> after each index with the fraction built.</summary>
internal sealed record BuildRemainingIndexes(Action Starting, Action<double> Built) : IWriterWork
{
    public void Run(SqliteBulkWriter writer)
    {
        Starting();
        writer.BuildIndexes(Built);
    }
}

/// <summary>
/// Feeds <see cref="SqliteBulkWriter"/> from one long-running consumer, so tables generated in parallel share
/// the single SQLite writer. The bounded channel keeps memory flat: producers wait when SQLite is behind.
/// </summary>
internal sealed class SqliteWriterQueue
{
    private const int Capacity = 8;
    private readonly Lazy<SqliteBulkWriter> _writer;
    private readonly Channel<IWriterWork> _channel = Channel.CreateBounded<IWriterWork>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }
    );
    private readonly Task _consumer;

    /// <summary>Creates the database on the consumer thread, so building the schema overlaps the first batches'
    /// generation.</summary>
    public SqliteWriterQueue(string path, Action<Exception> onFault, CancellationToken cancellationToken)
    {
        _writer = new Lazy<SqliteBulkWriter>(
            () => SqliteBulkWriter.Create(path),
            LazyThreadSafetyMode.ExecutionAndPublication
        );
        _consumer = Task.Factory.StartNew(
            () => Consume(onFault, cancellationToken),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default
        );
    }

    public ValueTask EnqueueAsync(IWriterWork work, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(work, cancellationToken);

    /// <summary>Waits until every queued batch is written, then hands over the writer to complete the
    /// database.</summary>
    public async Task<SqliteBulkWriter> DrainAsync()
    {
        _channel.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
        return _writer.Value;
    }

    /// <summary>The writer if it was created (to dispose it after a failure).</summary>
    public SqliteBulkWriter? CreatedWriter => _writer.IsValueCreated ? _writer.Value : null;

    private void Consume(Action<Exception> onFault, CancellationToken cancellationToken)
    {
        try
        {
            _ = _writer.Value;
            var reader = _channel.Reader;
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var work))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    work.Run(_writer.Value);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _channel.Writer.TryComplete();
            throw;
        }
        catch (Exception ex)
        {
            _channel.Writer.TryComplete(ex);
            onFault(ex);
            throw;
        }
    }
}
