using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>Makes chosen grain calls fail, to prove the platform copes with transient faults.</summary>
public static class FaultInjection
{
    /// <summary>Account id → how many of its next Freeze calls fail with a timeout.</summary>
    public static readonly ConcurrentDictionary<string, int> FailingFreezes = new(StringComparer.Ordinal);

    /// <summary>Movement id → how many of its next Execute calls run to the end but lose their answer (a timeout instead).</summary>
    public static readonly ConcurrentDictionary<string, int> LostMovementAnswers = new(StringComparer.Ordinal);

    public static async Task Filter(IIncomingGrainCallContext context)
    {
        if (context.InterfaceMethod?.Name == "Execute" && context.TargetId.Key.ToString() is { } movementId
            && LostMovementAnswers.TryGetValue(movementId, out var lost) && lost > 0 && LostMovementAnswers.TryUpdate(movementId, lost - 1, lost))
        {
            await context.Invoke();
            throw new TimeoutException("Injected: the movement ran but its answer was lost.");
        }

        if (context.InterfaceMethod?.Name == "Freeze" && context.TargetId.Key.ToString() is { } key
            && FailingFreezes.TryGetValue(key, out var left) && left > 0 && FailingFreezes.TryUpdate(key, left - 1, left))
        {
            throw new TimeoutException("Injected: the freeze call timed out.");
        }

        await context.Invoke();
    }
}
