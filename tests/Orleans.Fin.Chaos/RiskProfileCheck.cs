using System.Globalization;

namespace Orleans.Fin.Chaos;

/// <summary>What reading every customer's risk profile found: its failures (empty when every grain answered) and the slowest read.</summary>
public sealed record RiskProfileCheck(int Customers, IReadOnlyList<string> Failures, TimeSpan Slowest)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"risk profiles: {Customers - Failures.Count} of {Customers} customers' risk grains answered, slowest {Slowest.TotalMilliseconds:F0} ms");
}
