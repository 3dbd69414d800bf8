using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Call faults by grain key: a movement that is never reached (its call fails before it runs), and an activation that
/// dies right after a call returns or fails (a crash between two steps), so that what is left must be finished by the
/// system itself.
/// </summary>
public static class CallFaults
{
    /// <summary>Movement id → how many of its next Execute calls fail before the movement runs.</summary>
    public static readonly ConcurrentDictionary<string, int> UnreachedMovements = new(StringComparer.Ordinal);

    /// <summary>Grain key → the method whose next call ends with the activation destroyed (whatever the call did up to then).</summary>
    public static readonly ConcurrentDictionary<string, string> DyingActivations = new(StringComparer.Ordinal);

    public static async Task Filter(IIncomingGrainCallContext context)
    {
        var key = context.TargetId.Key.ToString() ?? "";
        if (context.InterfaceMethod?.Name == "Execute" && Take(UnreachedMovements, key))
        {
            throw new TimeoutException("Injected: the movement was not reached.");
        }

        if (context.InterfaceMethod?.Name is not { } method || !DyingActivations.TryRemove(new KeyValuePair<string, string>(key, method)))
        {
            await context.Invoke();
            return;
        }

        try
        {
            await context.Invoke();
        }
        finally
        {
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "Injected: the activation died."));
        }
    }

    private static bool Take(ConcurrentDictionary<string, int> counts, string key) =>
        counts.TryGetValue(key, out var left) && left > 0 && counts.TryUpdate(key, left - 1, left);
}
