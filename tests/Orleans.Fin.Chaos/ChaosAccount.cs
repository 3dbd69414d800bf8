namespace Orleans.Fin.Chaos;

/// <summary>An account of the run and the deposit that funded it before the chaos began.</summary>
public sealed record ChaosAccount(string Id, string CustomerId, string Currency, decimal Deposited, string DepositId);
