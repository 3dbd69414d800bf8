using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The customer's audit trail: every decision, signal, freeze and case, numbered; older runs are appended to segment
/// grains before the state is written, and read back page by page.
/// </summary>
public sealed partial class RiskGrain
{
    public async Task AppendAudit(IReadOnlyList<AuditRecord> records)
    {
        await SettleUnansweredWritesAsync();
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
        RecordCapacity.EnsureRoom(Current.Audit, Control.AuditSealRun);
        Current.Audit.Add(Current.Audit.Count > 0 ? stored.SharingWith(Current.Audit[^1]) : stored);
        MarkDirty();
    }

    private long FirstUnsealedAudit => AuditSealing.FirstUnsealed(Current.AuditCount, Current.Audit.Count);

    /// <summary>
    /// Appends each complete run of audit records to its segment grain before the state is written, so the state (and
    /// the activation) keeps about a run of them (<see cref="AuditSealing"/>); older pages are read from segments. Only
    /// records the stored state already holds are sealed: one appended since the last write could, if the activation
    /// died before the next, come back under its number as another record, which the segment would take for one it has.
    /// So a run the segment already holds is the same run, and is removed from the state without being stored twice.
    /// </summary>
    private async Task SealAuditAsync()
    {
        int length;
        while ((length = AuditSealing.NextRun(FirstUnsealedAudit, StoredUnsealedAudit, Control.AuditSealRun)) > 0)
        {
            var run = Current.Audit.Take(length).Select(a => a.ToEntry()).ToList();
            var segment = AuditSealing.SegmentOf(run[0].Sequence);
            await GrainFactory.GetGrain<IRiskAuditSegmentGrain>($"{CustomerId}/{segment}").Store(run);
            Current.Audit.RemoveRange(0, length);
            Current.SealedAuditSegments = AuditSealing.FullSegments(FirstUnsealedAudit);
            ListRoom.Fit(Current.Audit);
        }
    }

    /// <summary>Whether the stored state holds a complete run that is not sealed yet.</summary>
    private bool HasStoredAuditRun => AuditSealing.NextRun(FirstUnsealedAudit, StoredUnsealedAudit, Control.AuditSealRun) > 0;

    /// <summary>Unsealed records that the stored state holds too, oldest first.</summary>
    private int StoredUnsealedAudit => (int)Math.Clamp(_storedAuditCount - FirstUnsealedAudit + 1, 0, Current.Audit.Count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit records of {CustomerId} could not be sealed; they stay in the risk state until a later write")]
    private static partial void LogAuditNotSealed(ILogger logger, Exception exception, string customerId);

    public async Task<AuditPage> GetAudit(long? before, int limit)
    {
        var top = Math.Min(before is { } b ? b - 1 : Current.AuditCount, Current.AuditCount);
        var bottom = Math.Max(1, top - limit + 1);
        var firstInState = FirstUnsealedAudit;
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

            var no = AuditSealing.SegmentOf(seq);
            if (no != segmentNo)
            {
                segmentNo = no;
                segment = await GrainFactory.GetGrain<IRiskAuditSegmentGrain>($"{CustomerId}/{no}").Get();
            }

            items.Add(segment![AuditSealing.PlaceInSegment(seq)]);
        }

        return new AuditPage(items, bottom > 1 && items.Count > 0 ? bottom : null);
    }
}
