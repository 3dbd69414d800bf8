using Npgsql;

namespace Orleans.Fin.Silo.Storage;

/// <summary>One queued storage statement: how it is sent in a batch, how its answer is read, and the caller waiting on it.</summary>
internal abstract class PendingOperation
{
    private readonly TaskCompletionSource done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => done.Task;

    /// <summary>The statement for this operation, appended to the batch in queue order.</summary>
    public abstract NpgsqlBatchCommand ToCommand();

    /// <summary>Takes this operation's answer from the reader positioned on its result set (not yet advanced).</summary>
    public abstract Task ReadAnswerAsync(NpgsqlDataReader reader);

    /// <summary>Releases the caller with the answer read earlier: called only once that answer is durable.</summary>
    public void Succeed() => done.TrySetResult();

    public void Fail(Exception failure) => done.TrySetException(failure);

    protected static NpgsqlParameter Parameter(NpgsqlTypes.NpgsqlDbType type, object? value) =>
        new() { NpgsqlDbType = type, Value = value ?? DBNull.Value };
}
