using System.Globalization;
using System.Text.Json;

namespace Orleans.Fin.LoadTest;

/// <summary>What one timed run did: throughput of completed requests and the latency of all of them.</summary>
public sealed record LoadResult(string Scenario, int Concurrency, TimeSpan Elapsed, LatencyHistogram Latencies, long Completed,
    IReadOnlyDictionary<string, long> Outcomes)
{
    public double CompletedPerSecond => Completed / Elapsed.TotalSeconds;

    /// <summary>One line, stable keys (scripts grep it): scenario, rates, percentiles, answers by outcome.</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"scenario={Scenario} concurrency={Concurrency} seconds={Elapsed.TotalSeconds:F1} requests={Latencies.Count} completed={Completed} ok/s={CompletedPerSecond:F0} p50={Latencies.Percentile(0.50):F1}ms p99={Latencies.Percentile(0.99):F1}ms max={Latencies.MaxMs:F1}ms outcomes={JsonSerializer.Serialize(Outcomes)}");
}
