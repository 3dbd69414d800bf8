using System.Globalization;

namespace Orleans.Fin.MemoryBench;

/// <summary>Command-line settings: how many customers, how much history each, on which profile.</summary>
public sealed record MemoryOptions(int Customers, int PaymentsEach, string Profile, string? Storage, int Parallelism)
{
    public static MemoryOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        return new MemoryOptions(
            int.Parse(Get("customers", "1000"), CultureInfo.InvariantCulture),
            int.Parse(Get("payments", "10"), CultureInfo.InvariantCulture),
            Get("profile", "Postgres"),
            values.GetValueOrDefault("storage"),
            int.Parse(Get("parallelism", "16"), CultureInfo.InvariantCulture));
    }
}
