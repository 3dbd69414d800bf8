namespace Orleans.Fin.Common;

/// <summary>
/// A grain could not save a change: nothing of the request was kept (the grain went back to its stored state), so the
/// same request may be sent again with the same key. client-api answers 503 with Retry-After.
/// </summary>
[GenerateSerializer, Alias("fin.StateNotSavedException")]
public sealed class StateNotSavedException : Exception
{
    public StateNotSavedException()
    {
    }

    public StateNotSavedException(string message)
        : base(message)
    {
    }

    public StateNotSavedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
