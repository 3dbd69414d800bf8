namespace Orleans.Fin.Accounts;

/// <summary>The sum of the balances of a set of accounts in one currency.</summary>
[GenerateSerializer, Immutable, Alias("fin.CurrencySum")]
public sealed record CurrencySum(string Currency, decimal Sum);

/// <summary>Balances of a set of accounts summed per currency, and how many accounts were summed.</summary>
[GenerateSerializer, Immutable, Alias("fin.LedgerTotals")]
public sealed record LedgerTotals(IReadOnlyList<CurrencySum> Currencies, int Accounts);

/// <summary>
/// The ledger as a whole: per currency the sum over every account, the bank's own included (0 when no money was
/// created or lost), and the movements whose plan is durable but that are not final yet.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.LedgerIntegrity")]
public sealed record LedgerIntegrity(IReadOnlyList<CurrencySum> Currencies, int Accounts, int PendingMovements, double? OldestPendingAgeSeconds);
