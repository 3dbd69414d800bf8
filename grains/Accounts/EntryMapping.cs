namespace Orleans.Fin.Accounts;

/// <summary>Maps persisted entries to wire entries and back.</summary>
internal static class EntryMapping
{
    public static LedgerEntry ToEntry(string accountId, EntryRecord e) =>
        new($"{accountId}.{e.Sequence}", e.Sequence, e.At, e.Amount, e.BalanceAfter, e.Kind, e.Reference, e.Counterparty, e.FxRate);

    public static EntryRecord ToRecord(LedgerEntry e) => new()
    {
        Sequence = e.Sequence,
        At = e.At,
        Amount = e.Amount,
        BalanceAfter = e.BalanceAfter,
        Kind = e.Kind,
        Reference = e.Reference,
        Counterparty = e.CounterpartyAccountId,
        FxRate = e.FxRate,
    };
}
