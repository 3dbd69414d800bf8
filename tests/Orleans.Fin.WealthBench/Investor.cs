namespace Orleans.Fin.WealthBench;

/// <summary>A verified customer with a funded CNY account and a portfolio.</summary>
public sealed record Investor(string CustomerId, string AccountId, string PortfolioId);
