using System.Globalization;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// A segment of a customer's older audit records, sequence numbers 64n+1…64n+64 for the key "{customerId}/{n}", filled
/// by appending runs in order (<see cref="AuditSealing"/>). Storing records it already holds is a no-op, so a run sent
/// again after a lost answer or a failed state write changes nothing; a run that would leave a gap is refused.
/// </summary>
[CollectionAgeLimit(Minutes = 2)] // written when a run is sealed, read only when older pages are asked for
public sealed class RiskAuditSegmentGrain(
    [PersistentState("audit-segment", FinNames.Storage)] IPersistentState<AuditSegmentState> state) : Grain, IRiskAuditSegmentGrain
{
    public async Task Store(IReadOnlyList<AuditEntry> entries)
    {
        var key = this.GetPrimaryKeyString();
        var segment = long.Parse(key.AsSpan(key.LastIndexOf('/') + 1), CultureInfo.InvariantCulture);
        if (entries.Any(e => AuditSealing.SegmentOf(e.Sequence) != segment))
        {
            var first = AuditSealing.FirstOfSegment(segment);
            throw new InvalidOperationException($"Audit segment {key} holds records {first}-{first + AuditSealing.SegmentSize - 1} only.");
        }

        var held = state.State.Entries;
        var next = held.Count > 0 ? held[^1].Sequence + 1 : AuditSealing.FirstOfSegment(segment);
        var fresh = entries.Where(e => e.Sequence >= next).ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        if (!AuditSealing.Continues(next, fresh.Select(e => e.Sequence)))
        {
            throw new InvalidOperationException($"Audit segment {key} holds records up to {next - 1}; a run from {fresh[0].Sequence} would leave a gap.");
        }

        state.State.Entries = [.. held, .. fresh.Select(e => StoredAudit.From(e.Sequence, e.Record))];
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            // Whether the write landed is unknown: forget the run and read the segment again on the next call.
            state.State.Entries = held;
            DeactivateOnIdle();
            throw;
        }
    }

    public Task<IReadOnlyList<AuditEntry>> Get() =>
        Task.FromResult<IReadOnlyList<AuditEntry>>([.. state.State.Entries.Select(e => e.ToEntry())]);
}

public sealed class AuditSegmentState
{
    public int SchemaVersion { get; set; } = 1;
    public List<StoredAudit> Entries { get; set => field = StoredAudit.Share(value); } = [];
}
