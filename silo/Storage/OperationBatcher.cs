using System.Threading.Channels;

namespace Orleans.Fin.Silo.Storage;

/// <summary>
/// Gathers operations queued by many callers into batches and hands each batch to one executor call. A batch starts with
/// the first queued operation once a slot is free (at most <c>maxInFlight</c> batches run at once), waits up to
/// <c>delay</c> for company, leaving as soon as it is full, and takes at most <c>maxSize</c> operations. While every
/// slot is busy, new operations queue and leave together in the next batch.
/// </summary>
internal sealed class OperationBatcher<TOperation> : IAsyncDisposable
    where TOperation : PendingOperation
{
    private readonly Channel<TOperation> queue = Channel.CreateUnbounded<TOperation>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TOperation>, Task> execute;
    private readonly int maxSize;
    private readonly TimeSpan delay;
    private readonly SemaphoreSlim slots;
    private readonly int maxInFlight;
    private readonly Task loop;
    private int queued;

    public OperationBatcher(Func<IReadOnlyList<TOperation>, Task> execute, int maxSize, TimeSpan delay, int maxInFlight)
    {
        this.execute = execute;
        this.maxSize = maxSize;
        this.delay = delay;
        this.maxInFlight = maxInFlight;
        slots = new SemaphoreSlim(maxInFlight, maxInFlight);
        loop = Task.Run(RunAsync);
    }

    /// <summary>Operations queued and not yet taken into a batch.</summary>
    public int Queued => Volatile.Read(ref queued);

    /// <summary>Queues an operation; its task completes when its batch has run.</summary>
    public Task Enqueue(TOperation operation)
    {
        Interlocked.Increment(ref queued);
        if (!queue.Writer.TryWrite(operation))
        {
            Interlocked.Decrement(ref queued);
            operation.Fail(new ObjectDisposedException(nameof(OperationBatcher<TOperation>), "The grain storage is shutting down."));
        }

        return operation.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
        // Every batch already started finishes before the connections go away.
        for (var i = 0; i < maxInFlight; i++)
        {
            await slots.WaitAsync();
        }

        slots.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            await slots.WaitAsync();
            var batch = new List<TOperation>(Math.Min(maxSize, 64));
            Drain(reader, batch);
            if (batch.Count < maxSize && delay > TimeSpan.Zero)
            {
                await GatherAsync(reader, batch);
            }

            if (batch.Count == 0)
            {
                slots.Release();
                continue;
            }

            _ = RunBatchAsync(batch);
        }
    }

    /// <summary>Takes what arrives within <c>delay</c>, leaving as soon as the batch is full or the queue is closed.</summary>
    private async Task GatherAsync(ChannelReader<TOperation> reader, List<TOperation> batch)
    {
        using var window = new CancellationTokenSource(delay);
        while (batch.Count < maxSize)
        {
            var more = reader.WaitToReadAsync(window.Token).AsTask();
            await ((Task)more).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing); // the window ending is not an error
            if (!more.IsCompletedSuccessfully || !more.Result)
            {
                break;
            }

            Drain(reader, batch);
        }
    }

    private void Drain(ChannelReader<TOperation> reader, List<TOperation> batch)
    {
        while (batch.Count < maxSize && reader.TryRead(out var operation))
        {
            Interlocked.Decrement(ref queued);
            batch.Add(operation);
        }
    }

    private async Task RunBatchAsync(List<TOperation> batch)
    {
        try
        {
            await execute(batch);
        }
        catch (Exception failure)
        {
            foreach (var operation in batch)
            {
                operation.Fail(failure);
            }
        }
        finally
        {
            slots.Release();
        }
    }
}
