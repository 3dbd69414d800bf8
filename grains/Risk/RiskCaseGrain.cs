using Microsoft.Extensions.Logging;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;

namespace Orleans.Fin.Risk;

/// <summary>
/// An investigation case. Resolving it closes it for good: a false positive first unfreezes the accounts this case froze
/// (those still frozen by it), then the outcome is stored, labelled for retraining, listed and audited.
/// </summary>
public sealed partial class RiskCaseGrain(
    [PersistentState("case", FinNames.Storage)] IPersistentState<RiskCaseState> state,
    TimeProvider clock,
    ILogger<RiskCaseGrain> logger) : Grain, IRiskCaseGrain
{
    private RiskCaseState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public async Task<CaseView> Open(CaseOpening opening)
    {
        if (S.Exists)
        {
            return View();
        }

        S.Exists = true;
        S.CustomerId = opening.CustomerId;
        S.FrozenAccountIds = [.. opening.FrozenAccountIds];
        S.Severity = opening.Severity;
        S.Trigger = opening.Trigger;
        S.TriggerAt = opening.TriggerAt;
        S.OpenedAt = clock.GetUtcNow();
        S.OpenedBy = opening.OpenedBy;
        S.OpenedByEngine = opening.OpenedByEngine;
        S.Status = CaseStatus.Open;
        S.Snapshot = StoredSnapshot.From(opening.Snapshot);
        await state.WriteStateAsync();
        await Registry.Upsert(Summary());
        _ = Kpis.RecordCaseOpened(S.OpenedByEngine);
        FinMetrics.RiskCases.Add(1, new("event", "opened"), new("outcome", "none"));
        return View();
    }

    public Task<CaseView?> Get() => Task.FromResult(S.Exists ? View() : null);

    public async Task<CaseView> Assign(string assignee, string by)
    {
        EnsureOpen();
        S.Assignee = assignee;
        await state.WriteStateAsync();
        await Registry.Upsert(Summary());
        await Risk.AppendAudit([Record(AuditAction.CaseAssigned, by, $"Assigned to {assignee}")]);
        return View();
    }

    public async Task<CaseView> Resolve(CaseResolution resolution)
    {
        EnsureOpen();
        List<AuditRecord> audit = [];
        if (resolution.Outcome == CaseOutcome.FalsePositive)
        {
            var why = $"Case {Id} resolved as a false positive: {resolution.Note}";
            foreach (var accountId in S.FrozenAccountIds)
            {
                var account = GrainFactory.GetGrain<IAccountGrain>(accountId);
                if ((await account.Get())?.FreezeCaseId == Id)
                {
                    await account.Unfreeze(new FreezeCommand(why.Length <= 500 ? why : why[..500], resolution.By, Id));
                    audit.Add(Record(AuditAction.Unfreeze, resolution.By, why) with { AccountId = accountId });
                }
            }
        }

        var now = clock.GetUtcNow();
        S.Status = CaseStatus.Closed;
        S.Outcome = resolution.Outcome;
        S.ResolvedAt = now;
        S.ResolvedBy = resolution.By;
        S.Note = resolution.Note;
        await state.WriteStateAsync();

        var label = new RiskLabel(
            Id, S.CustomerId, resolution.Outcome, resolution.Outcome == CaseOutcome.ConfirmedFraud, S.TriggerAt, now, resolution.By,
            resolution.Note, S.OpenedByEngine, S.Snapshot.ToView());
        await GrainFactory.GetGrain<IRiskLabelStoreGrain>(LabelStoreKey(now)).Append(label);
        await Registry.Upsert(Summary());
        _ = Kpis.RecordCaseResolved(resolution.Outcome, S.OpenedByEngine);
        FinMetrics.RiskCases.Add(1, new("event", "resolved"), new("outcome", resolution.Outcome.ToString()));
        audit.Add(Record(AuditAction.CaseResolved, resolution.By, $"{resolution.Outcome}: {resolution.Note}"));
        await Risk.AppendAudit(audit);
        await Risk.CaseResolved(Id, resolution.Outcome, resolution.By);
        LogResolved(logger, Id, S.CustomerId, resolution.Outcome, resolution.By);
        return View();
    }

    /// <summary>Labels are kept per month of resolution.</summary>
    public static string LabelStoreKey(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private IRiskCaseRegistryGrain Registry => GrainFactory.GetGrain<IRiskCaseRegistryGrain>(RiskGrainKeys.Global);

    private IRiskKpiGrain Kpis => GrainFactory.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global);

    private IRiskGrain Risk => GrainFactory.GetGrain<IRiskGrain>(S.CustomerId);

    private AuditRecord Record(AuditAction action, string by, string why) =>
        new(action, S.CustomerId, clock.GetUtcNow(), by, why, S.Snapshot.ModelVersion, S.Snapshot.Score, S.Snapshot.Level, CaseId: Id);

    private void EnsureOpen()
    {
        if (!S.Exists)
        {
            throw FinException.NotFound("Case");
        }

        if (S.Status == CaseStatus.Closed)
        {
            throw new FinException(FinErrorCode.Conflict, $"Case {Id} is already closed ({S.Outcome}).");
        }
    }

    private CaseSummary Summary() => new(
        Id, S.CustomerId, [.. S.FrozenAccountIds], S.Severity, S.OpenedAt, S.Trigger, S.Status, S.Outcome, S.Assignee, S.ResolvedAt);

    private CaseView View() => new(
        Id, S.CustomerId, [.. S.FrozenAccountIds], S.Severity, S.OpenedAt, S.Trigger, S.Status, S.Outcome, S.OpenedBy, S.Assignee,
        S.ResolvedAt, S.ResolvedBy, S.Note, S.Snapshot.ToView());

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {CaseId} of {CustomerId} resolved as {Outcome} by {By}")]
    private static partial void LogResolved(ILogger logger, string caseId, string customerId, CaseOutcome outcome, string by);
}
