namespace Orleans.Fin.Wealth;

/// <summary>
/// One shard of the registry of portfolios (keys <see cref="PortfolioBook.Keys"/>; a portfolio belongs to the shard
/// <see cref="PortfolioBook.KeyFor"/>). Sharding keeps each book's state small, so opening a portfolio rewrites a
/// sixteenth of the ids, and lets the shards sweep side by side. Advancing the simulated business clock asks every
/// shard to tick its portfolios, a bounded number at a time, so rebalancing follows the clock.
/// </summary>
[Alias("fin.IPortfolioBookGrain")]
public interface IPortfolioBookGrain : IGrainWithStringKey
{
    [Alias("Track")]
    Task Track(string portfolioId);

    /// <summary>Ticks every portfolio of this shard as of a business time (see <see cref="IPortfolioGrain.Tick"/>).</summary>
    [Alias("Sweep")]
    Task<RebalanceSweep> Sweep(DateTimeOffset asOf);
}
