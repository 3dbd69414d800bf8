namespace Orleans.Fin.ClusterTests;

/// <summary>What one movement left on the ledger: its entries on the customer's account and on the bank's system account.</summary>
public sealed record MovementTrace(int CustomerEntries, decimal CustomerAmount, int SystemEntries, decimal SystemAmount);
