namespace Orleans.Fin.WealthBench;

/// <summary>Managed heap growth per activation: a full collection before and after activating a set of grains.</summary>
public static class ActivationMemory
{
    /// <summary>Bytes per item of the heap growth while <paramref name="activate"/> runs over <paramref name="count"/> grains.</summary>
    public static async Task<double> PerActivationAsync(int count, Func<Task> activate)
    {
        ArgumentNullException.ThrowIfNull(activate);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await activate();
        var after = GC.GetTotalMemory(forceFullCollection: true);
        return (double)(after - before) / count;
    }
}
