using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Orleans.Fin.LoadTest;

/// <summary>
/// A closed loop: N workers each send one request at a time until the time is up. While it runs, one line a second
/// reports the requests so far, completions in the last second and the p50/p99 latency so far.
/// </summary>
public static class LoadRun
{
    /// <summary>Sends one request; Completed says whether it did what was asked (e.g. a payment Completed), Outcome names the answer.</summary>
    public delegate Task<(bool Completed, string Outcome)> Sender(Random random);

    public static async Task<LoadResult> RunAsync(string name, Sender send, int concurrency, TimeSpan duration, bool live)
    {
        var latencies = new LatencyHistogram();
        var outcomes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        long completed = 0;
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        using var finished = new CancellationTokenSource();
        var reporter = live ? ReportAsync(name, latencies, () => Interlocked.Read(ref completed), started, finished.Token) : Task.CompletedTask;

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            while (Stopwatch.GetTimestamp() < stopAt)
            {
                var sent = Stopwatch.GetTimestamp();
                string outcome;
                try
                {
                    (var done, outcome) = await send(random);
                    if (done)
                    {
                        Interlocked.Increment(ref completed);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    outcome = "error:" + ex.GetType().Name;
                }

                latencies.Record(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                outcomes.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            }
        })));

        await finished.CancelAsync();
        await reporter;
        return new LoadResult(name, concurrency, Stopwatch.GetElapsedTime(started), latencies, completed,
            outcomes.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));
    }

    private static async Task ReportAsync(string name, LatencyHistogram latencies, Func<long> completed, long started, CancellationToken stop)
    {
        using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
        long before = 0;
        var last = Stopwatch.GetTimestamp();
        try
        {
            while (await tick.WaitForNextTickAsync(stop))
            {
                var now = Stopwatch.GetTimestamp();
                var done = completed();
                var rate = (done - before) / Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                (before, last) = (done, now);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  [{name}] {Stopwatch.GetElapsedTime(started, now).TotalSeconds,5:F0}s requests={latencies.Count} completed/s={rate:F0} p50={latencies.Percentile(0.50):F1}ms p99={latencies.Percentile(0.99):F1}ms"));
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }
}
