using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Device bindings and beneficiaries as risk events. A binding is remembered with its time (its payments are scrutinised
/// while it is fresh) and raises the standing score when it follows a login from a new device in a new place
/// (<see cref="DeviceBindingPolicy"/>). Before a payment moves money, the payee's watch is asked whether it is a watched
/// beneficiary, and told about risky attempts (<see cref="BeneficiaryRiskPolicy"/>).
/// </summary>
public sealed partial class RiskGrain
{
    public async Task DeviceBound(string deviceId, DateTimeOffset at)
    {
        await SettleUnansweredWritesAsync();
        ForgetCustomer();
        RememberBinding(deviceId, at);
        var now = clock.GetUtcNow();
        var score = CurrentScore(now);
        RecordSignal(now, "binding", $"Device {deviceId} bound", score, LevelOf(score));
        Audit(AuditAction.Signal, RiskGrainKeys.Engine, $"Device {deviceId} bound", LevelOf(score), score, reference: deviceId);
        await AssessBindingAsync(deviceId, at);
    }

    /// <summary>
    /// Raises the risk once when the binding followed a login from a new device in a new place. Called on the binding
    /// itself and again on its event from the stream, which comes after the login it may follow.
    /// </summary>
    private async Task AssessBindingAsync(string deviceId, DateTimeOffset at)
    {
        var binding = RememberBinding(deviceId, at);
        if (binding.Risky || !DeviceBindingPolicy.IsRisky(Current.Profile, deviceId, binding.At, thresholds.Value))
        {
            MarkDirty();
            return;
        }

        binding.Risky = true;
        var now = clock.GetUtcNow();
        var before = LevelOf(CurrentScore(now));
        var description = $"Device {deviceId} bound right after a login from a new device in a new place";
        Current.Score = RiskScoreRules.AfterVerdict(Current.Score, Current.ScoredAt, thresholds.Value.RiskyBindingPoints, now, Control.ScoreHalfLife);
        Current.ScoredAt = now;
        var level = LevelOf(Current.Score);
        Current.Explained = FlaggedSenderPolicy.AfterOtherFinding(Current.Explained, level);
        Flag(["risky-binding"]);
        RecordSignal(now, "binding", description, Current.Score, level);
        Audit(AuditAction.Signal, RiskGrainKeys.Engine, description, level, Current.Score, reference: deviceId);
        if (RiskResponsePolicy.ForStandingChange(before, level) == RiskResponse.StepUpAndContact)
        {
            await StepUpAndContactAsync(description, [RiskReasons.RiskyBinding], now);
        }

        await SaveAsync();
    }

    /// <summary>The binding record of the device, added (bounded) when this grain has not seen it yet.</summary>
    private DeviceBindingRecord RememberBinding(string deviceId, DateTimeOffset at)
    {
        if (Current.Bindings.Find(b => b.DeviceId == deviceId) is { } known)
        {
            return known;
        }

        var binding = new DeviceBindingRecord { DeviceId = deviceId, At = at };
        Bounded.Add(Current.Bindings, binding, RiskState.MaxBindings);
        MarkDirty();
        return binding;
    }

    private DateTimeOffset? BoundAt(string deviceId) => Current.Bindings.Find(b => b.DeviceId == deviceId)?.At;

    /// <summary>Asks the payee's watch (when the policy says to) whether it is a watched beneficiary, reporting a risky attempt.</summary>
    private async Task<bool> ConsultBeneficiaryWatchAsync(PaymentCheck check, RiskVerdict verdict, DateTimeOffset now)
    {
        var options = thresholds.Value;
        var amountCny = RiskCurrency.ToCny(check.Amount, check.Currency);
        var newPayee = BeneficiaryRiskPolicy.IsNewPayee(Current.Profile, check.ToAccountId);
        var history = BeneficiaryRiskPolicy.SenderHistoryBefore(Current.Profile, check.MovementId);
        var risky = BeneficiaryRiskPolicy.IsRiskyAttempt(
            verdict.Level, verdict.Reasons, amountCny, newPayee, check.MerchantCategory is not null, history, options);
        return BeneficiaryRiskPolicy.ShouldConsult(risky, newPayee, amountCny, options)
            && await GrainFactory.GetGrain<IPayeeWatchGrain>(check.ToAccountId).AssessInbound(CustomerId, risky, now);
    }

    /// <summary>
    /// A payment held for a call (a large payment to a watched beneficiary, or a second large transfer to a new payee
    /// soon after an unusual first one to it): declined with its reason, and the customer (likely a scam victim, not a
    /// suspect) is contacted and stepped up. Nothing is frozen.
    /// </summary>
    private async Task<PaymentAssessment> HoldForCallAsync(
        PaymentCheck check, PaymentCandidate candidate, RiskVerdict verdict, List<string> reasons, string reason, string flag, string description,
        DateTimeOffset now)
    {
        reasons.Add(reason);
        Flag([flag]);
        RecordSignal(now, "payment", description, verdict.Score, verdict.Level);
        await StepUpAndContactAsync(description, [reason], now);
        Decided(PaymentDecision.Decline, verdict, check, candidate, reasons);
        await SaveAsync();
        return Answer(PaymentDecision.Decline, verdict, reasons);
    }
}
