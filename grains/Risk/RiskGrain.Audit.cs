using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The customer's audit trail: every decision, signal, freeze and case, numbered; older runs are sealed into segment
/// grains before the state is written, and read back page by page.
/// </summary>
public sealed partial class RiskGrain
{
    public async Task AppendAudit(IReadOnlyList<AuditRecord> records)
    {
        foreach (var record in records)
        {
            AppendAuditRecord(record);
        }

        await SaveAsync();
    }

    private void Audit(
        AuditAction action, string by, string why, RiskLevel? level, int? score = null, string? decision = null, string? accountId = null,
        string? caseId = null, string? reference = null, string? modelVersion = null) =>
        AppendAuditRecord(new AuditRecord(
            action, CustomerId, clock.GetUtcNow(), by, why, modelVersion ?? Current.ModelVersion, score, level, decision, accountId, caseId, reference));

    private void AppendAuditRecord(AuditRecord record)
    {
        Current.AuditCount++;
        var stored = StoredAudit.From(Current.AuditCount, record);
        RecordCapacity.EnsureRoom(Current.Audit, RiskState.AuditSegmentSize);
        Current.Audit.Add(Current.Audit.Count > 0 ? stored.SharingWith(Current.Audit[^1]) : stored);
        MarkDirty();
    }

    /// <summary>
    /// Moves each full run of audit records into a segment grain before the state is written, so the state (and the
    /// activation) keeps fewer than <see cref="RiskState.AuditSegmentSize"/> of them; older pages are read from segments.
    /// </summary>
    private async Task SealAuditAsync()
    {
        while (Current.Audit.Count >= RiskState.AuditSegmentSize)
        {
            var run = Current.Audit.Take(RiskState.AuditSegmentSize).Select(a => a.ToEntry()).ToList();
            await GrainFactory.GetGrain<IRiskAuditSegmentGrain>($"{CustomerId}/{Current.SealedAuditSegments}").Store(run);
            Current.Audit.RemoveRange(0, RiskState.AuditSegmentSize);
            Current.SealedAuditSegments++;
            ListRoom.Fit(Current.Audit);
        }
    }

    public async Task<AuditPage> GetAudit(long? before, int limit)
    {
        var top = Math.Min(before is { } b ? b - 1 : Current.AuditCount, Current.AuditCount);
        var bottom = Math.Max(1, top - limit + 1);
        var firstInState = ((long)Current.SealedAuditSegments * RiskState.AuditSegmentSize) + 1;
        var items = new List<AuditEntry>();
        IReadOnlyList<AuditEntry>? segment = null;
        var segmentNo = -1L;
        for (var seq = top; seq >= bottom; seq--)
        {
            if (seq >= firstInState)
            {
                items.Add(Current.Audit[(int)(seq - firstInState)].ToEntry());
                continue;
            }

            var no = (seq - 1) / RiskState.AuditSegmentSize;
            if (no != segmentNo)
            {
                segmentNo = no;
                segment = await GrainFactory.GetGrain<IRiskAuditSegmentGrain>($"{CustomerId}/{no}").Get();
            }

            items.Add(segment![(int)((seq - 1) % RiskState.AuditSegmentSize)]);
        }

        return new AuditPage(items, bottom > 1 && items.Count > 0 ? bottom : null);
    }
}
