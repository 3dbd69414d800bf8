using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>What the machine still has for new allocations (Linux <c>MemAvailable</c>: free memory and reclaimable caches).</summary>
public static class MachineMemory
{
    public static long AvailableBytes()
    {
        foreach (var line in File.ReadLines("/proc/meminfo"))
        {
            if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
            {
                var kib = line["MemAvailable:".Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("/proc/meminfo has no MemAvailable line.");
    }
}
