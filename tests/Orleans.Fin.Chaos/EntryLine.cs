namespace Orleans.Fin.Chaos;

/// <summary>One ledger entry as GET /accounts/{id}/entries shows it.</summary>
public sealed record EntryLine(string AccountId, decimal Amount, decimal BalanceAfter, string Kind, string Reference, string? Counterparty);
