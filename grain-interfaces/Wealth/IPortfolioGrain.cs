using Orleans.Concurrency;

namespace Orleans.Fin.Wealth;

/// <summary>
/// One customer's managed fund portfolio, keyed by its id ("pf_…"): the risk assessment and target allocation, fund
/// units and cash, the orders that moved money in and out, and the rebalancing that keeps it on target. It rebalances
/// on its own reminder (a slot spread over the period), when the book sweeps after a clock advance, and on demand.
/// </summary>
[Alias("fin.IPortfolioGrain")]
public interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>Scores the questionnaire and opens the portfolio; an id already used is a conflict.</summary>
    [Alias("Open")]
    Task<PortfolioView> Open(PortfolioOpening opening);

    /// <summary>The portfolio valued at the latest NAVs, or null when there is none under this id.</summary>
    [Alias("Get")]
    Task<PortfolioView?> Get();

    /// <summary>
    /// A new questionnaire: a new risk level, target and a year's validity, for the customer and so for every portfolio
    /// they hold. Holdings above the level are sold at the next rebalance.
    /// </summary>
    [Alias("Reassess")]
    Task<PortfolioView> Reassess(RiskAnswers assessment);

    /// <summary>
    /// The customer answered the questionnaire again for another portfolio: take the newer level and targets. One-way, so
    /// portfolios telling each other never wait on each other; a lost message is caught up at the next purchase, which
    /// always checks the customer's newest assessment.
    /// </summary>
    [OneWay]
    [Alias("AdoptAssessment")]
    Task AdoptAssessment(InvestorAssessment assessment);

    /// <summary>
    /// Buys with cash from the account: one product (refused above the risk level) or along the target allocation.
    /// Refused while the assessment has expired, an account is frozen or the customer's risk is high. A replayed order
    /// id returns the recorded result; another body under it is a conflict.
    /// </summary>
    [Alias("Subscribe")]
    Task<FundOrderResult> Subscribe(FundOrder order);

    /// <summary>Sells for the amount (cash first, then holdings in proportion) and pays it to the account; open to every customer.</summary>
    [Alias("Redeem")]
    Task<FundOrderResult> Redeem(FundOrder order);

    /// <summary>On demand: trades back to target whatever the drift (the period's rebalance).</summary>
    [Alias("Rebalance")]
    Task<RebalanceOutcome> Rebalance(string requestedBy);

    /// <summary>
    /// The scheduled check: finishes interrupted orders, then rebalances when the drift exceeds the band and the
    /// portfolio has not rebalanced in the current period. Repeated ticks in one period trade at most once.
    /// <paramref name="asOf"/> is the business time the caller has seen (a clock advance), when it is ahead of this silo's.
    /// </summary>
    [Alias("Tick")]
    Task<RebalanceOutcome> Tick(DateTimeOffset? asOf);

    [Alias("Recommend")]
    Task<IReadOnlyList<RecommendationView>> Recommend();

    [Alias("GetOrder")]
    Task<FundOrderResult?> GetOrder(string orderId);

    /// <summary>Daily closing values and the unit-value index since the first investment.</summary>
    [Alias("GetValuations")]
    Task<IReadOnlyList<ValuationView>> GetValuations();
}
