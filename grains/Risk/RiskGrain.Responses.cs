using Microsoft.Extensions.Logging;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The tiered responses to a finding (<see cref="RiskResponsePolicy"/>): High freezes every account, opens a case and raises
/// an alert; Medium steps payments up to a one-time code and asks someone to contact the customer.
/// </summary>
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
        if (Current.OpenCaseId is { } open)
        {
            Audit(AuditAction.Decision, by, $"Already under investigation in case {open}: {trigger}", snapshot.Level, snapshot.Score, caseId: open, reference: reference);
            return null;
        }

        var customer = await LoadCustomerAsync();
        var caseId = FinIds.New(IdPrefixes.RiskCase, clock.GetUtcNow());
        DecisionLabels.AttachToCase(Current.Decisions, caseId, triggerAt, Control.FraudLookback);
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
        Current.OpenCaseId = caseId;
        Audit(AuditAction.CaseOpened, by, trigger, snapshot.Level, snapshot.Score, caseId: caseId, reference: reference);
        await RaiseAlertAsync(AlertKind.FraudSuspected, RiskLevel.High, $"{trigger}; {frozen.Count} account(s) frozen", snapshot.Reasons, caseId);
        LogEscalated(logger, CustomerId, caseId, frozen.Count);
        return view;
    }

    /// <summary>Medium risk: payments need a one-time code for a while, and someone should contact the customer.</summary>
    private async Task StepUpAndContactAsync(string trigger, IReadOnlyList<string> reasons, DateTimeOffset now)
    {
        Current.StepUpUntil = now + Control.StepUpDuration;
        if (Current.LastContactAt is { } last && now - last < Control.ContactInterval)
        {
            return;
        }

        Current.LastContactAt = now;
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
        new(CurrentScore(clock.GetUtcNow()), level, [.. Current.Flags], null, Current.ModelVersion, new Dictionary<string, double>(StringComparer.Ordinal));


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