using Orleans.Concurrency;

namespace Orleans.Fin.Accounts;

/// <summary>Checks the whole ledger: every account's balance summed per currency, and the movements not yet final.</summary>
[Alias("fin.ILedgerIntegrityGrain")]
public interface ILedgerIntegrityGrain : IGrainWithIntegerKey
{
    [ReadOnly]
    [Alias("Check")]
    Task<LedgerIntegrity> Check();
}
