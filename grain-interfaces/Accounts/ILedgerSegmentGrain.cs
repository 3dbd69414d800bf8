namespace Orleans.Fin.Accounts;

/// <summary>A sealed run of an account's older ledger entries. Keyed "{accountId}/{segment}".</summary>
[Alias("fin.ILedgerSegmentGrain")]
public interface ILedgerSegmentGrain : IGrainWithStringKey
{
    /// <summary>Stores the segment once; a repeated call leaves the stored entries as they are.</summary>
    [Alias("Store")]
    Task Store(IReadOnlyList<LedgerEntry> entries);

    [Alias("Get")]
    Task<IReadOnlyList<LedgerEntry>> Get();
}
