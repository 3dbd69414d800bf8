using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>
/// What reading every customer's risk profile found: its failures (empty when every grain answered), the slowest read, how
/// many reads were retried while client-api reconnected, and how long all the reads took.
/// </summary>
public sealed record RiskProfileCheck(int Customers, IReadOnlyList<string> Failures, TimeSpan Slowest, int Retried, TimeSpan Took)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"risk profiles: {Customers - Failures.Count} of {Customers} customers' risk grains answered, activated from storage, slowest {Slowest.TotalMilliseconds:F0} ms, "
        + $"{Retried} reads retried (503 or connection), all in {Took.TotalSeconds:F1} s");
}
