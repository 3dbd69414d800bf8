namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// The outcome of a rebalance check: the drift that was measured, the trades (sells first; empty when the drift is
/// within the band) and the cash left after settling them.
/// </summary>
public sealed record RebalancePlan(decimal Drift, IReadOnlyList<Trade> Trades, decimal CashAfter)
{
    public bool IsNeeded => Trades.Count > 0;
}
