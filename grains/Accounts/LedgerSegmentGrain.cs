using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts;

public sealed class LedgerSegmentGrain(
    [PersistentState("segment", FinNames.Storage)] IPersistentState<LedgerSegmentState> state) : Grain, ILedgerSegmentGrain
{
    public async Task Store(IReadOnlyList<LedgerEntry> entries)
    {
        if (state.State.Entries.Count > 0)
        {
            return;
        }

        state.State.Entries = [.. entries.Select(EntryMapping.ToRecord)];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<LedgerEntry>> Get()
    {
        var accountId = this.GetPrimaryKeyString().Split('/')[0];
        IReadOnlyList<LedgerEntry> entries = [.. state.State.Entries.Select(e => EntryMapping.ToEntry(accountId, e))];
        return Task.FromResult(entries);
    }
}
