using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>Command-line settings: how many customers, how much history each, on which profile.</summary>
/// <param name="HoldSeconds">
/// How long to wait with every customer active before deactivating them, so that a heap dump can be taken from outside
/// (for example <c>dotnet-dump collect -p PID --type Heap</c>) after the population, when idle, once the customer grains,
/// once the account grains and once the risk grains are active again (dumps that differ by one grain type) and at the
/// end; 0 does not wait.
/// </param>
public sealed record MemoryOptions(int Customers, int PaymentsEach, int LoginsEach, string Profile, string? Storage, int Parallelism, int HoldSeconds)
{
    public static MemoryOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Number(string name, string fallback) => int.Parse(Get(name, fallback), CultureInfo.InvariantCulture);
        return new MemoryOptions(
            Number("customers", "1000"),
            Number("payments", "20"),
            Number("logins", "2"),
            Get("profile", "Postgres"),
            values.GetValueOrDefault("storage"),
            Number("parallelism", "16"),
            Number("hold", "0"));
    }
}
