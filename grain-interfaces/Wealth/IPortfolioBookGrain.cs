namespace Orleans.Fin.Wealth;

/// <summary>
/// The registry of open portfolios (one grain, key <see cref="Key"/>). Advancing the simulated business clock asks it
/// to tick every portfolio, a bounded number at a time, so rebalancing follows the clock.
/// </summary>
[Alias("fin.IPortfolioBookGrain")]
public interface IPortfolioBookGrain : IGrainWithStringKey
{
    public const string Key = "global";

    [Alias("Track")]
    Task Track(string portfolioId);

    /// <summary>Ticks every tracked portfolio as of a business time (see <see cref="IPortfolioGrain.Tick"/>).</summary>
    [Alias("Sweep")]
    Task<RebalanceSweep> Sweep(DateTimeOffset asOf);
}
