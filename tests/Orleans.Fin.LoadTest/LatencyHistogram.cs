namespace Orleans.Fin.LoadTest;

/// <summary>
/// Latencies in logarithmic buckets (each 2% wider than the last, from 10 µs to over a minute), safe to record into from
/// many workers at once and to read percentiles from while they run. Percentiles are accurate to about 2%.
/// </summary>
public sealed class LatencyHistogram
{
    private const double SmallestMs = 0.01;
    private static readonly double Growth = Math.Log(1.02);
    private readonly long[] buckets = new long[900];
    private long count;
    private double maxMs;
    private readonly Lock gate = new();

    public long Count => Interlocked.Read(ref count);

    public double MaxMs
    {
        get
        {
            lock (gate)
            {
                return maxMs;
            }
        }
    }

    public void Record(double ms)
    {
        var index = ms <= SmallestMs ? 0 : Math.Min(buckets.Length - 1, (int)(Math.Log(ms / SmallestMs) / Growth) + 1);
        Interlocked.Increment(ref buckets[index]);
        Interlocked.Increment(ref count);
        if (ms > maxMs)
        {
            lock (gate)
            {
                maxMs = Math.Max(maxMs, ms);
            }
        }
    }

    /// <summary>The latency below which the fraction <paramref name="p"/> of the recorded ones fall (upper bucket edge).</summary>
    public double Percentile(double p)
    {
        var total = Count;
        if (total == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(p * total);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += Interlocked.Read(ref buckets[i]);
            if (seen >= rank)
            {
                return i == 0 ? SmallestMs : SmallestMs * Math.Exp(i * Growth);
            }
        }

        return MaxMs;
    }
}
