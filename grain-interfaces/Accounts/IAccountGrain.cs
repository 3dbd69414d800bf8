using Orleans.Concurrency;

namespace Orleans.Fin.Accounts;

/// <summary>An account and its ledger. Keyed by account id (customer accounts "acc_…", the bank's own "sys_…").</summary>
[Alias("fin.IAccountGrain")]
public interface IAccountGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<AccountView> Open(AccountOpening opening);

    /// <summary>The account as last committed, or null when no account has this id. Never waits behind a posting.</summary>
    [AlwaysInterleave]
    [Alias("Get")]
    Task<AccountView?> Get();

    /// <summary>Applies one leg of a movement, or declines it (frozen, funds, limit, currency). Idempotent per transfer.</summary>
    [Alias("Post")]
    Task<PostingOutcome> Post(Posting posting);

    /// <summary>Undoes an applied leg of a movement that could not complete. Idempotent.</summary>
    [Alias("Reverse")]
    Task Reverse(string transferId);

    /// <summary>
    /// The movement that owns this leg has recorded its outcome durably; the leg is settled. The account keeps the
    /// transfer id for a retention window, so that a late duplicate of the leg is still recognised.
    /// </summary>
    [OneWay]
    [Alias("Release")]
    Task Release(string transferId);

    [Alias("Freeze")]
    Task<AccountView> Freeze(FreezeCommand command);

    [Alias("Unfreeze")]
    Task<AccountView> Unfreeze(FreezeCommand command);

    /// <summary>Committed entries newest first, starting below sequence <paramref name="before"/> when given.</summary>
    [AlwaysInterleave]
    [Alias("GetEntries")]
    Task<EntryPage> GetEntries(long? before, int limit);
}
