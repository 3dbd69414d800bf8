using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>Makes chosen grain calls fail, to prove the platform copes with transient faults.</summary>
public static class FaultInjection
{
    /// <summary>Account id → how many of its next Freeze calls fail with a timeout.</summary>
    public static readonly ConcurrentDictionary<string, int> FailingFreezes = new(StringComparer.Ordinal);

    public static async Task Filter(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == "Freeze" && context.TargetId.Key.ToString() is { } key
            && FailingFreezes.TryGetValue(key, out var left) && left > 0 && FailingFreezes.TryUpdate(key, left - 1, left))
        {
            throw new TimeoutException("Injected: the freeze call timed out.");
        }

        await context.Invoke();
    }
}
