using Orleans.Runtime;

namespace Orleans.Fin.MemoryBench;

/// <summary>The node's managed heap after a full compacting collection, and its activations by grain type.</summary>
public sealed class HeapProbe(IManagementGrain management)
{
    public static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Activations per grain type, by the type's short name (namespace and assembly left off).</summary>
    public async Task<Dictionary<string, int>> ActivationsAsync()
    {
        var statistics = await management.GetSimpleGrainStatistics();
        return statistics
            .GroupBy(s => ShortName(s.GrainType))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.ActivationCount), StringComparer.Ordinal);
    }

    /// <summary>Deactivates every idle activation and waits (at most a minute) until no more go away.</summary>
    public async Task<int> DeactivateAllAsync()
    {
        var remaining = int.MaxValue;
        for (var round = 0; round < 30; round++)
        {
            await management.ForceActivationCollection(TimeSpan.Zero);
            await Task.Delay(TimeSpan.FromSeconds(2));
            var now = (await ActivationsAsync()).Values.Sum();
            if (now >= remaining)
            {
                return now;
            }

            remaining = now;
        }

        return remaining;
    }

    private static string ShortName(string grainType)
    {
        var name = grainType.Split(',')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }
}
