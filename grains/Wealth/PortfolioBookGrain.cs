using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Common;

namespace Orleans.Fin.Wealth;

/// <summary>
/// One shard of the registry of portfolios. A sweep ticks the shard's portfolios with a fixed number of calls in flight
/// (a sliding window on the grain's own scheduler): <c>Wealth:SweepParallelism</c> shared out over the shards, so all
/// shards sweeping together never ask the cluster for more than that. Portfolios call the book only when they
/// open, before it knows them, so a sweep never waits on a portfolio that waits on it.
/// </summary>
public sealed partial class PortfolioBookGrain(
    [PersistentState("portfolio-book", FinNames.Storage)] IPersistentState<PortfolioBookState> state,
    IOptions<WealthOptions> options,
    ILogger<PortfolioBookGrain> logger) : Grain, IPortfolioBookGrain
{
    public async Task Track(string portfolioId)
    {
        if (state.State.Portfolios.Add(portfolioId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task<RebalanceSweep> Sweep(DateTimeOffset asOf)
    {
        var started = Stopwatch.GetTimestamp();
        var ids = state.State.Portfolios.ToList();
        var next = 0;
        int answered = 0, rebalanced = 0, failed = 0;

        async Task Worker()
        {
            while (next < ids.Count)
            {
                var id = ids[next++]; // the workers interleave on this grain's single-threaded scheduler
                try
                {
                    var outcome = await GrainFactory.GetGrain<IPortfolioGrain>(id).Tick(asOf);
                    answered++;
                    rebalanced += outcome.Rebalanced ? 1 : 0;
                }
                catch (Exception ex)
                {
                    // One failing portfolio must not stop the others; its own reminder checks it again.
                    failed++;
                    LogPortfolioFailed(logger, ex, id);
                }
            }
        }

        var perShard = Math.Max(1, options.Value.SweepParallelism / PortfolioBook.Shards);
        await Task.WhenAll(Enumerable.Range(0, Math.Min(perShard, Math.Max(1, ids.Count))).Select(_ => Worker()));
        var sweep = new RebalanceSweep(ids.Count, answered, rebalanced, failed, Stopwatch.GetElapsedTime(started));
        LogSwept(logger, sweep.Portfolios, sweep.Rebalanced, sweep.Failed, sweep.Elapsed.TotalMilliseconds);
        return sweep;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Portfolio {PortfolioId} could not be checked in the sweep")]
    private static partial void LogPortfolioFailed(ILogger logger, Exception exception, string portfolioId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Swept {Portfolios} portfolios: {Rebalanced} rebalanced, {Failed} failed in {ElapsedMs} ms")]
    private static partial void LogSwept(ILogger logger, int portfolios, int rebalanced, int failed, double elapsedMs);
}
