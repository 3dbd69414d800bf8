namespace Orleans.Fin.Common;

/// <summary>
/// Group commit inside one activation: callers that change the state while a write is under way wait for the next
/// write, which carries all their changes, so a busy grain pays one storage round trip per batch, not per call. Each
/// caller is answered only by a write that started after its change. Used from the activation's own turns only.
/// </summary>
public sealed class SharedWrite(Func<Task> write, Func<Exception, Exception> failed)
{
    private TaskCompletionSource? _next;

    /// <summary>Whether a write is under way (changes made now go with the next one).</summary>
    public bool Writing { get; private set; }

    /// <summary>Answers once a write that started after this call has committed, or with <c>failed</c>'s exception.</summary>
    public Task Request()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = _next.Task;
        if (!Writing)
        {
            _ = Loop();
        }

        return written;
    }

    private async Task Loop()
    {
        Writing = true;
        while (_next is { } batch)
        {
            _next = null;
            try
            {
                await write();
                batch.SetResult();
            }
            catch (Exception ex)
            {
                batch.SetException(failed(ex));
            }
        }

        Writing = false;
    }
}
