using System.Collections.Concurrent;
using Npgsql;
using Orleans.Fin.Silo.Storage;

namespace Orleans.Fin.UnitTests.Storage;

/// <summary>How the group commit gathers writes: who shares a batch, and how long a batch waits for company.</summary>
public sealed class OperationBatcherTests
{
    private static readonly TimeSpan LongWait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task BatchFillsDuringTheWait_LeavesAtOnceNotAtTheEndOfTheWait()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<Write>>();
        await using var batcher = new OperationBatcher<Write>(Run(batches), maxSize: 3, delay: LongWait, maxInFlight: 1);
        var first = batcher.Enqueue(new Write(0));
        await TakenAsync(batcher); // the batch has started and waits for company

        var started = DateTime.UtcNow;
        await Task.WhenAll(first, batcher.Enqueue(new Write(1)), batcher.Enqueue(new Write(2))).WaitAsync(LongWait / 2);

        Assert.True(DateTime.UtcNow - started < LongWait / 2);
        Assert.Equal([0, 1, 2], Assert.Single(batches).Select(w => w.Number));
    }

    [Fact]
    public async Task WritesQueuedWhileTheFirstWaits_ShareItsBatch_AndAFullBatchLeavesTheRestForTheNext()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<Write>>();
        await using var batcher = new OperationBatcher<Write>(Run(batches), maxSize: 2, delay: LongWait, maxInFlight: 1);

        List<Task> tasks = [batcher.Enqueue(new Write(0))];
        await TakenAsync(batcher);
        tasks.AddRange(Enumerable.Range(1, 2).Select(i => batcher.Enqueue(new Write(i))));
        await Task.WhenAll(tasks.Take(2)).WaitAsync(LongWait / 2);

        Assert.Equal([0, 1], Assert.Single(batches).Select(w => w.Number));
        await TakenAsync(batcher);
        Assert.False(tasks[2].IsCompleted); // alone in the next batch, which waits for company
    }

    [Fact]
    public async Task BatchThatNeverFills_LeavesWhenTheWaitEnds()
    {
        var batches = new ConcurrentQueue<IReadOnlyList<Write>>();
        await using var batcher = new OperationBatcher<Write>(Run(batches), maxSize: 100, delay: TimeSpan.FromMilliseconds(50), maxInFlight: 1);

        await Task.WhenAll(batcher.Enqueue(new Write(0)), batcher.Enqueue(new Write(1))).WaitAsync(LongWait);

        Assert.Equal([0, 1], Assert.Single(batches).Select(w => w.Number));
    }

    [Fact]
    public async Task BatchThatFails_FailsEveryWriteInIt()
    {
        await using var batcher = new OperationBatcher<Write>(
            _ => throw new InvalidOperationException("connection lost"), maxSize: 2, delay: LongWait, maxInFlight: 1);

        var tasks = new[] { batcher.Enqueue(new Write(0)), batcher.Enqueue(new Write(1)) };

        foreach (var task in tasks)
        {
            Assert.Equal("connection lost", (await Assert.ThrowsAsync<InvalidOperationException>(() => task.WaitAsync(LongWait / 2))).Message);
        }
    }

    private static async Task TakenAsync(OperationBatcher<Write> batcher)
    {
        var deadline = DateTime.UtcNow + LongWait / 2;
        while (batcher.Queued > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the batcher takes what is queued");
            await Task.Delay(5);
        }
    }

    private static Func<IReadOnlyList<Write>, Task> Run(ConcurrentQueue<IReadOnlyList<Write>> batches) => batch =>
    {
        batches.Enqueue(batch.ToList());
        foreach (var write in batch)
        {
            write.Succeed();
        }

        return Task.CompletedTask;
    };

    private sealed class Write(int number) : PendingOperation
    {
        public int Number { get; } = number;

        public override NpgsqlBatchCommand ToCommand() => throw new NotSupportedException();

        public override Task ReadAnswerAsync(NpgsqlDataReader reader) => throw new NotSupportedException();
    }
}
