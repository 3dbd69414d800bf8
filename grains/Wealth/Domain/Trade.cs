namespace Orleans.Fin.Wealth.Domain;

/// <summary>One rebalancing order: units (4 decimals) of a product at its NAV for an amount in cents.</summary>
public sealed record Trade(string ProductId, TradeSide Side, decimal Units, decimal Nav, decimal Amount);
