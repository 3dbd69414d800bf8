using System.Globalization;
using Orleans.Fin.Common;

namespace Orleans.Fin.Wealth;

/// <summary>The shards of the portfolio book, and a sweep of all of them.</summary>
public static class PortfolioBook
{
    public const int Shards = 16;

    public static IReadOnlyList<string> Keys { get; } =
        [.. Enumerable.Range(0, Shards).Select(i => i.ToString("D2", CultureInfo.InvariantCulture))];

    /// <summary>The shard of a portfolio: a stable hash of its id (FNV-1a), the same on every node.</summary>
    public static string KeyFor(string portfolioId)
    {
        ArgumentException.ThrowIfNullOrEmpty(portfolioId);
        return Keys[(int)(ShardHash.Fnv1a(portfolioId) % Shards)];
    }

    /// <summary>Sweeps every shard side by side and adds up what they did (elapsed: the slowest shard).</summary>
    public static async Task<RebalanceSweep> SweepAllAsync(IGrainFactory grains, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var sweeps = await Task.WhenAll(Keys.Select(k => grains.GetGrain<IPortfolioBookGrain>(k).Sweep(asOf)));
        return new RebalanceSweep(
            sweeps.Sum(s => s.Portfolios), sweeps.Sum(s => s.Checked), sweeps.Sum(s => s.Rebalanced), sweeps.Sum(s => s.Failed),
            sweeps.Max(s => s.Elapsed));
    }
}
