using System.Threading.Channels;
using RetailDatagen.Core.Model;

namespace RetailDatagen.Core.Sinks;

/// <summary>A batch of one table's rows on its way to SQLite; <see cref="Written"/> runs once they are in.</summary>
internal sealed record WriteBatch(TableInfo Table, IRow[] Rows, Action<int> Written);

/// <summary>
/// Feeds <see cref="SqliteBulkWriter"/> from one long-running consumer, so tables generated in parallel share
/// the single SQLite writer. The bounded channel keeps memory flat: producers wait when SQLite is behind.
/// </summary>
internal sealed class SqliteWriterQueue
{
    private const int Capacity = 8;
    private readonly SqliteBulkWriter _writer;
    private readonly Channel<WriteBatch> _channel = Channel.CreateBounded<WriteBatch>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly Task _consumer;

    public SqliteWriterQueue(SqliteBulkWriter writer, Action<Exception> onFault, CancellationToken cancellationToken)
    {
        _writer = writer;
        _consumer = Task.Factory.StartNew(
            () => Consume(onFault, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public ValueTask EnqueueAsync(WriteBatch batch, CancellationToken cancellationToken) =>
        _channel.Writer.WriteAsync(batch, cancellationToken);

    /// <summary>Waits until every queued batch is written.</summary>
    public Task DrainAsync()
    {
        _channel.Writer.TryComplete();
        return _consumer;
    }

    private void Consume(Action<Exception> onFault, CancellationToken cancellationToken)
    {
        try
        {
            var reader = _channel.Reader;
            while (reader.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var batch))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    _writer.Insert(batch.Table, batch.Rows);
                    batch.Written(batch.Rows.Length);
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
