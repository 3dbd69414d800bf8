namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// The holdings after a subscription, redemption or rebalance on a trading day, and the money that came in (positive)
/// or went out (negative) with it; rebalances move no money in or out.
/// </summary>
public sealed record HoldingsChange(DateOnly Date, Holdings After, decimal ExternalFlow);
