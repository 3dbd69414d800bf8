using Microsoft.Extensions.Logging;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>What the risk grain does about a finding: freeze and open a case, step up and contact, feed the ring indexes.</summary>
public sealed partial class RiskGrain
{
    private const int MaxFreezeReasonLength = 200;

    /// <summary>
    /// High risk: freezes every account of the customer at once, opens a case and raises an alert. Returns the case, or
    /// null when the customer is already under investigation (nothing new is opened then). The caller writes the state.
    /// </summary>
    private async Task<CaseView?> EscalateAsync(
        RiskSnapshot snapshot, string trigger, DateTimeOffset triggerAt, string? reference, string by, bool byEngine, bool freeze)
    {
        if (S.OpenCaseId is { } open)
        {
            Audit(AuditAction.Decision, by, $"Already under investigation in case {open}: {trigger}", snapshot.Level, snapshot.Score, caseId: open, reference: reference);
            return null;
        }

        var customer = await LoadCustomerAsync();
        var caseId = FinIds.New(IdPrefixes.RiskCase, clock.GetUtcNow());
        DecisionLabels.AttachToCase(S.Decisions, caseId, triggerAt, Control.FraudLookback);
        var why = Truncate($"{(byEngine ? "Risk engine" : "Referred")}: {Reasons(snapshot.Reasons)} (case {caseId})");
        List<string> frozen = [];
        if (freeze && customer.AccountIds.Count > 0)
        {
            var command = new FreezeCommand(why, by, caseId);
            var views = await Task.WhenAll(customer.AccountIds.Select(id => FreezeWithRetryAsync(id, command)));
            var landed = clock.GetUtcNow();
            frozen = [.. views.OfType<AccountView>().Where(v => v.FreezeCaseId == caseId).Select(v => v.Id)];
            if (frozen.Count > 0)
            {
                var ms = Math.Max(0, (landed - triggerAt).TotalMilliseconds);
                FinMetrics.TimeToFreeze.Record(ms);
                _ = GrainFactory.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global).RecordFreeze(ms, frozen.Count);
            }

            foreach (var accountId in frozen)
            {
                Audit(AuditAction.Freeze, by, why, snapshot.Level, snapshot.Score, accountId: accountId, caseId: caseId, reference: reference);
            }
        }

        var opening = new CaseOpening(CustomerId, frozen, RiskLevel.High, trigger, triggerAt, by, byEngine, snapshot);
        var view = await GrainFactory.GetGrain<IRiskCaseGrain>(caseId).Open(opening);
        S.OpenCaseId = caseId;
        Audit(AuditAction.CaseOpened, by, trigger, snapshot.Level, snapshot.Score, caseId: caseId, reference: reference);
        await RaiseAlertAsync(AlertKind.FraudSuspected, RiskLevel.High, $"{trigger}; {frozen.Count} account(s) frozen", snapshot.Reasons, caseId);
        LogEscalated(logger, CustomerId, caseId, frozen.Count);
        return view;
    }

    /// <summary>Medium risk: payments need a one-time code for a while, and someone should contact the customer.</summary>
    private async Task StepUpAndContactAsync(string trigger, IReadOnlyList<string> reasons, DateTimeOffset now)
    {
        S.StepUpUntil = now + Control.StepUpDuration;
        if (S.LastContactAt is { } last && now - last < Control.ContactInterval)
        {
            return;
        }

        S.LastContactAt = now;
        await RaiseAlertAsync(AlertKind.ContactCustomer, RiskLevel.Medium, $"Contact the customer: {trigger}", reasons, null);
    }

    private async Task RaiseAlertAsync(AlertKind kind, RiskLevel severity, string message, IReadOnlyList<string> reasons, string? caseId)
    {
        await GrainFactory.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global)
            .Raise(new AlertDraft(kind, CustomerId, severity, message, [.. reasons], caseId, clock.GetUtcNow()));
    }

    private static RiskSnapshot Snapshot(RiskVerdict verdict, IReadOnlyDictionary<string, double>? features = null) =>
        new(verdict.Score, verdict.Level, [.. verdict.Reasons], verdict.ModelProbability, verdict.ModelVersion,
            features ?? new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>The customer's standing as a snapshot (for cases opened by a ring signal or a referral).</summary>
    private RiskSnapshot Standing(RiskLevel level) =>
        new(CurrentScore(clock.GetUtcNow()), level, [.. S.Flags], null, S.ModelVersion, new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>Tells the device index about devices and remembers payees, for fraud-ring detection.</summary>
    private void FeedRingIndexes(CustomerActivity activity, DateTimeOffset now)
    {
        if (activity.Kind is ActivityKind.Login or ActivityKind.PaymentOut && !string.IsNullOrEmpty(activity.DeviceId)
            && Bounded.AddDistinct(S.ReportedDevices, activity.DeviceId, RiskState.MaxReported))
        {
            _ = GrainFactory.GetGrain<IDeviceIndexGrain>(activity.DeviceId).Record(CustomerId, activity.At);
        }

        if (activity.Kind == ActivityKind.PaymentOut && activity.CounterpartyAccountId is { } payee
            && activity.Status == nameof(MovementStatus.Completed))
        {
            Bounded.AddDistinct(S.RecentPayees, payee, RiskState.MaxReported);
            ReportPayeesIfFlagged(now);
        }
    }

    /// <summary>A flagged customer's payees learn that it pays them (several flagged senders make a suspected mule).</summary>
    private void ReportPayeesIfFlagged(DateTimeOffset now)
    {
        if (!Flagged(now))
        {
            return;
        }

        foreach (var payee in S.RecentPayees.Where(p => !S.ReportedPayees.Contains(p, StringComparer.Ordinal)).ToList())
        {
            Bounded.Add(S.ReportedPayees, payee, RiskState.MaxReported);
            _ = GrainFactory.GetGrain<IPayeeWatchGrain>(payee).RecordFlaggedSender(CustomerId, now);
        }
    }

    private void Audit(
        AuditAction action, string by, string why, RiskLevel? level, int? score = null, string? decision = null, string? accountId = null,
        string? caseId = null, string? reference = null, string? modelVersion = null) =>
        AppendAuditRecord(new AuditRecord(
            action, CustomerId, clock.GetUtcNow(), by, why, modelVersion ?? S.ModelVersion, score, level, decision, accountId, caseId, reference));

    private void AppendAuditRecord(AuditRecord record)
    {
        S.AuditCount++;
        S.Audit.Add(StoredAudit.From(S.AuditCount, record));
        MarkDirty();
    }

    /// <summary>Moves the oldest full run of audit records into a segment grain before the state is written.</summary>
    private async Task SealAuditAsync()
    {
        while (S.Audit.Count >= 2 * RiskState.AuditSegmentSize)
        {
            var run = S.Audit.Take(RiskState.AuditSegmentSize).Select(a => a.ToEntry()).ToList();
            await GrainFactory.GetGrain<IRiskAuditSegmentGrain>($"{CustomerId}/{S.SealedAuditSegments}").Store(run);
            S.Audit.RemoveRange(0, RiskState.AuditSegmentSize);
            S.SealedAuditSegments++;
        }
    }

    public async Task<AuditPage> GetAudit(long? before, int limit)
    {
        var top = Math.Min(before is { } b ? b - 1 : S.AuditCount, S.AuditCount);
        var bottom = Math.Max(1, top - limit + 1);
        var firstInState = ((long)S.SealedAuditSegments * RiskState.AuditSegmentSize) + 1;
        var items = new List<AuditEntry>();
        IReadOnlyList<AuditEntry>? segment = null;
        var segmentNo = -1L;
        for (var seq = top; seq >= bottom; seq--)
        {
            if (seq >= firstInState)
            {
                items.Add(S.Audit[(int)(seq - firstInState)].ToEntry());
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

    private static string Truncate(string text) => text.Length <= MaxFreezeReasonLength ? text : text[..(MaxFreezeReasonLength - 1)] + "…";

    /// <summary>
    /// Freezes one account, retrying a failed call (a silo restart, a timeout) a few times: a freeze that does not land
    /// leaves money movable. Null when it still failed; the case then lists only the accounts that were frozen.
    /// </summary>
    private async Task<AccountView?> FreezeWithRetryAsync(string accountId, FreezeCommand command)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await GrainFactory.GetGrain<IAccountGrain>(accountId).Freeze(command);
            }
            catch (Exception ex) when (ex is not FinException && attempt < FreezeAttempts)
            {
                LogFreezeRetry(logger, ex, CustomerId, accountId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt * attempt));
            }
            catch (Exception ex) when (ex is not FinException)
            {
                LogFreezeFailed(logger, ex, CustomerId, accountId);
                return null;
            }
        }
    }

    private const int FreezeAttempts = 4;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Freezing account {AccountId} of {CustomerId} failed (attempt {Attempt}); retrying")]
    private static partial void LogFreezeRetry(ILogger logger, Exception exception, string customerId, string accountId, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Account {AccountId} of {CustomerId} could not be frozen")]
    private static partial void LogFreezeFailed(ILogger logger, Exception exception, string customerId, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk engine escalated {CustomerId}: case {CaseId}, {Frozen} account(s) frozen")]
    private static partial void LogEscalated(ILogger logger, string customerId, string caseId, int frozen);
}
