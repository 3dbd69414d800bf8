using System.Collections.Concurrent;

namespace Orleans.Fin.ClusterTests;

/// <summary>Makes chosen grain calls fail, to prove the platform copes with transient faults.</summary>
public static class FaultInjection
{
    /// <summary>Account id → how many of its next Freeze calls fail with a timeout.</summary>
    public static readonly ConcurrentDictionary<string, int> FailingFreezes = new(StringComparer.Ordinal);

    /// <summary>Movement id → how many of its next Execute calls run to the end but lose their answer (a timeout instead).</summary>
    public static readonly ConcurrentDictionary<string, int> LostMovementAnswers = new(StringComparer.Ordinal);

    /// <summary>Grain key → (how many of its next writes succeed first, how the one after them fails).</summary>
    public static readonly ConcurrentDictionary<string, (int Skip, WriteFault Fault)> FailingWrites = new(StringComparer.Ordinal);

    /// <summary>"Method:grain key" → how many of its next calls fail before the callee runs.</summary>
    public static readonly ConcurrentDictionary<string, int> FailingCalls = new(StringComparer.Ordinal);

    /// <summary>"Method:grain key" → how many of its next calls run to the end but lose their answer.</summary>
    public static readonly ConcurrentDictionary<string, int> LostAnswers = new(StringComparer.Ordinal);

    /// <summary>Fails the write of <paramref name="grainKey"/> that comes after <paramref name="skip"/> successful ones.</summary>
    public static void FailWrite(string grainKey, int skip, WriteFault fault) => FailingWrites[grainKey] = (skip, fault);

    /// <summary>
    /// Fails the write of the state named <paramref name="stateName"/> of <paramref name="grainKey"/> that comes after
    /// <paramref name="skip"/> successful writes of that state (writes of the grain's other states do not count). A name
    /// "riskWindows" stands for each of a risk grain's cold parts (<see cref="global::Orleans.Fin.Risk.RiskWindowsState.StateName"/>).
    /// </summary>
    public static void FailStateWrite(string stateName, string grainKey, int skip, WriteFault fault) => FailingWrites[StateKey(stateName, grainKey)] = (skip, fault);

    /// <summary>The fault for this write of the state <paramref name="stateName"/> of <paramref name="grainKey"/>, consuming it.</summary>
    public static WriteFault TakeWriteFault(string stateName, string grainKey) =>
        TakeWriteFault(grainKey) is var fault and not WriteFault.None ? fault : TakeWriteFault(StateKey(stateName, grainKey));

    private static string StateKey(string stateName, string grainKey) =>
        (stateName.StartsWith(global::Orleans.Fin.Risk.RiskWindowsState.StateName(""), StringComparison.Ordinal) ? "riskWindows" : stateName) + "/" + grainKey;

    /// <summary>The fault for this write of <paramref name="grainKey"/>, consuming it.</summary>
    public static WriteFault TakeWriteFault(string grainKey)
    {
        while (FailingWrites.TryGetValue(grainKey, out var planned))
        {
            if (planned.Skip > 0)
            {
                if (FailingWrites.TryUpdate(grainKey, (planned.Skip - 1, planned.Fault), planned))
                {
                    return WriteFault.None;
                }
            }
            else if (FailingWrites.TryRemove(new KeyValuePair<string, (int, WriteFault)>(grainKey, planned)))
            {
                return planned.Fault;
            }
        }

        return WriteFault.None;
    }

    public static async Task Filter(IIncomingGrainCallContext context)
    {
        var call = $"{context.InterfaceMethod?.Name}:{context.TargetId.Key}";
        if (Take(FailingCalls, call))
        {
            throw new TimeoutException($"Injected: {call} failed before it ran.");
        }

        if (Take(LostAnswers, call))
        {
            await context.Invoke();
            throw new TimeoutException($"Injected: {call} ran but its answer was lost.");
        }

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

    private static bool Take(ConcurrentDictionary<string, int> faults, string call) =>
        faults.TryGetValue(call, out var left) && left > 0 && faults.TryUpdate(call, left - 1, left);
}
