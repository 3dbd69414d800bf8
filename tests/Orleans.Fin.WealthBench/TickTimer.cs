using System.Diagnostics;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.WealthBench;

/// <summary>
/// Times every <see cref="IPortfolioGrain.Tick"/> as the caller (the book's sweep) sees it: messaging, queueing and
/// the portfolio's work. An outgoing call filter, so the grains are measured unchanged.
/// </summary>
public sealed class TickTimer : IOutgoingGrainCallFilter
{
    private readonly Lock gate = new();
    private List<double> samples = [];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.InterfaceMethod?.DeclaringType != typeof(IPortfolioGrain) || context.MethodName != nameof(IPortfolioGrain.Tick))
        {
            await context.Invoke();
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await context.Invoke();
        }
        finally
        {
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            lock (gate)
            {
                samples.Add(ms);
            }
        }
    }

    /// <summary>The latencies (ms) recorded since the last call, sorted.</summary>
    public IReadOnlyList<double> Drain()
    {
        List<double> taken;
        lock (gate)
        {
            taken = samples;
            samples = [];
        }

        taken.Sort();
        return taken;
    }
}
