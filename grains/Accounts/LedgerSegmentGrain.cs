using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

/// <summary>
/// A sealed run of an account's ledger. The account stores a segment before it counts it as sealed, and stores it
/// again until that count is written, always from its committed entries: the latest store is the truth, so a segment
/// left by an interrupted seal is replaced rather than kept.
/// </summary>
[CollectionAgeLimit(Minutes = 2)] // written once when sealed, read only when older pages are asked for
public sealed class LedgerSegmentGrain(
    [PersistentState("segment", FinNames.Storage)] IPersistentState<LedgerSegmentState> state) : Grain, ILedgerSegmentGrain
{
    public async Task Store(IReadOnlyList<LedgerEntry> entries)
    {
        var records = entries.Select(EntryMapping.ToRecord).ToList();
        if (records.SequenceEqual(state.State.Entries, EntryRecordComparer.Instance))
        {
            return;
        }

        var committed = state.State;
        state.State = new LedgerSegmentState { Entries = records };
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            state.State = committed;
            DeactivateOnIdle(); // the stored etag is unknown now: the next activation reads what was committed
            throw new FinException(FinErrorCode.Unavailable, $"The ledger segment could not be stored ({ex.GetType().Name}); retry.");
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> Get()
    {
        var accountId = this.GetPrimaryKeyString().Split('/')[0];
        IReadOnlyList<LedgerEntry> entries = [.. state.State.Entries.Select(e => EntryMapping.ToEntry(accountId, e))];
        return Task.FromResult(entries);
    }
}
