using Orleans.Fin.Common;

namespace Orleans.Fin.Risk;

/// <summary>A sealed run of a customer's older audit records; storing it again is a no-op.</summary>
[CollectionAgeLimit(Minutes = 2)] // written once when sealed, read only when older pages are asked for
public sealed class RiskAuditSegmentGrain(
    [PersistentState("audit-segment", FinNames.Storage)] IPersistentState<AuditSegmentState> state) : Grain, IRiskAuditSegmentGrain
{
    public async Task Store(IReadOnlyList<AuditEntry> entries)
    {
        if (state.State.Entries.Count > 0)
        {
            return;
        }

        state.State.Entries = [.. entries.Select(e => StoredAudit.From(e.Sequence, e.Record))];
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<AuditEntry>> Get() =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Entries.Select(e => e.ToEntry())]);
}

public sealed class AuditSegmentState
{
    public int SchemaVersion { get; set; } = 1;
    public List<StoredAudit> Entries { get; set => field = StoredAudit.Share(value); } = [];
}
