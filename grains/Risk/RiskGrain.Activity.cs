using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;
using Orleans.Streams;

namespace Orleans.Fin.Risk;

/// <summary>
/// The customer's activity stream: each new event is folded into the behaviour profile, fed to the ring indexes, scored,
/// and acted on by tier (<see cref="RiskResponsePolicy"/>). A redelivered event is counted once.
/// </summary>
public sealed partial class RiskGrain
{
    private async Task OnActivityAsync(CustomerActivity activity, StreamSequenceToken? token)
    {
        if (activity.CustomerId != CustomerId)
        {
            return;
        }

        await SettleUnansweredWritesAsync();

        if (activity.Kind == ActivityKind.DeviceBound)
        {
            // Not a payment or a login to score: the binding's own assessment, now that the logins before it are seen.
            await AssessBindingAsync(activity.DeviceId ?? "", activity.At);
            return;
        }

        if (!BehaviourTracker.Observe(Current.Profile, activity))
        {
            FinMetrics.RiskRedeliveries.Add(1);
            return;
        }

        Current.ObservedEvents++;
        MarkDirty();
        var now = clock.GetUtcNow();
        await MatureDecisionsAsync(now);
        FeedRingIndexes(activity, now);
        try
        {
            var verdict = scorer.ScoreActivity(Current.Profile, activity);
            await ActOnActivityAsync(verdict, activity, now);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The event is already counted in the profile; a failed disposal is logged rather than redelivered.
            LogActivityFailed(logger, ex, CustomerId, activity.EventId);
        }
    }

    private async Task ActOnActivityAsync(RiskVerdict verdict, CustomerActivity activity, DateTimeOffset now)
    {
        Current.ModelVersion = verdict.ModelVersion;
        FinMetrics.RiskDecisions.Add(1, new("source", "activity"), new("level", verdict.Level.ToString()));
        var countedBefore = Flagged(now);
        Current.Score = RiskScoreRules.AfterVerdict(Current.Score, Current.ScoredAt, verdict.Score, now, Control.ScoreHalfLife);
        Current.ScoredAt = now;
        Current.Explained = activity.Kind == ActivityKind.PaymentOut
            ? FlaggedSenderPolicy.AfterPaymentMade(Current.Explained, verdict.Level, activity.EventId.Split(':')[0], countedBefore, Current.Score, Current.ScoredAt)
            : FlaggedSenderPolicy.AfterOtherFinding(Current.Explained, verdict.Level);
        var response = RiskResponsePolicy.ForVerdict(verdict.Level, verdict.Reasons.Count > 0);
        if (response == RiskResponse.None)
        {
            Current.Level = LevelOf(Current.Score);
            return; // nothing found: the profile change is written with the next flush
        }

        var trigger = Describe(activity);
        Flag(verdict.Reasons);
        RecordSignal(now, $"activity:{activity.Kind}", $"{trigger}: {string.Join(", ", verdict.Reasons)}", verdict.Score, verdict.Level);
        Audit(AuditAction.Decision, RiskGrainKeys.Engine, $"{trigger}: {Reasons(verdict.Reasons)}", verdict.Level, verdict.Score,
            decision: verdict.Level.ToString(), reference: activity.EventId, modelVersion: verdict.ModelVersion);
        switch (response)
        {
            case RiskResponse.FreezeAndOpenCase:
                await EscalateAsync(
                    Snapshot(verdict, FeatureSnapshot.Of(Current.Profile, activity)), trigger, activity.At, activity.EventId, RiskGrainKeys.Engine,
                    byEngine: true, freeze: true);
                break;
            case RiskResponse.StepUpAndContact:
                await StepUpAndContactAsync(trigger, verdict.Reasons, now);
                break;
        }

        Current.Level = LevelOf(Current.Score);
        if (verdict.Level != RiskLevel.Low)
        {
            await SaveAsync();
        }

        ReportPayeesIfFlagged(now);
    }

    private static string Describe(CustomerActivity a) => a.Kind switch
    {
        ActivityKind.Login => $"Login from device {a.DeviceId} in {a.City}, {a.Country}",
        ActivityKind.PaymentOut => $"Payment {a.EventId.Split(':')[0]} of {a.Amount} {a.Currency} to {a.CounterpartyAccountId} ({a.Status})",
        ActivityKind.PaymentIn => $"Incoming payment {a.EventId.Split(':')[0]} of {a.Amount} {a.Currency} from {a.CounterpartyAccountId}",
        ActivityKind.Withdrawal => $"Withdrawal {a.EventId.Split(':')[0]} of {a.Amount} {a.Currency} ({a.Status})",
        _ => $"Deposit {a.EventId.Split(':')[0]} of {a.Amount} {a.Currency}",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk grain of {CustomerId} could not act on event {EventId}")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception, string customerId, string eventId);
}
