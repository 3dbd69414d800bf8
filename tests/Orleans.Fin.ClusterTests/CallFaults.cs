using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// An activation that dies right after a call returns or fails (a crash between two steps), so that what the call
/// left must be finished by the system itself.
/// </summary>
public static class CallFaults
{
    /// <summary>Grain key → the method whose next call ends with the activation destroyed (whatever the call did up to then).</summary>
    public static readonly ConcurrentDictionary<string, string> DyingActivations = new(StringComparer.Ordinal);

    public static async Task Filter(IIncomingGrainCallContext context)
    {
        var key = context.TargetId.Key.ToString() ?? "";
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
}
