using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Fraud rings: signals from the shared watches (a shared device, a mule account, a scam collector, arrears) raise the
/// customer's standing once each (<see cref="RingSignalPolicy"/>); the grain in turn feeds the device index and, once the
/// customer is flagged, tells its payees (several flagged senders make a suspected mule).
/// </summary>
public sealed partial class RiskGrain
{
    public async Task RaiseSignal(RingSignal signal)
    {
        await SettleUnansweredWritesAsync();
        if (!Bounded.AddDistinct(Current.AppliedSignals, $"{signal.Kind}:{signal.SourceId}", RiskState.MaxReported))
        {
            return; // each ring indicator raises a customer's risk once
        }

        var now = clock.GetUtcNow();
        var previous = CurrentScore(now);
        var before = LevelOf(previous);
        Current.Score = RingSignalPolicy.ScoreAfter(signal.Kind, previous, Control.BoostFor(signal.Kind), thresholds.Value.HighThreshold);
        Current.ScoredAt = now;
        var level = LevelOf(Current.Score);
        Current.Explained = FlaggedSenderPolicy.AfterOtherFinding(Current.Explained, level);
        var flag = RingSignalPolicy.FlagOf(signal.Kind);
        Flag([flag]);
        RecordSignal(now, $"signal:{flag}", signal.Description, Current.Score, level);
        FinMetrics.RiskDecisions.Add(1, new("source", "signal"), new("level", level.ToString()));
        Audit(AuditAction.Signal, RiskGrainKeys.Engine, signal.Description, level, Current.Score, reference: signal.SourceId);

        switch (RiskResponsePolicy.ForStandingChange(before, level))
        {
            case RiskResponse.FreezeAndOpenCase:
                await EscalateAsync(Standing(level), $"Fraud-ring indicator: {signal.Description}", signal.At, signal.SourceId, RiskGrainKeys.Engine, byEngine: true, freeze: true);
                break;
            case RiskResponse.StepUpAndContact:
                await StepUpAndContactAsync(signal.Description, [flag], now);
                break;
        }

        await SaveAsync();
        ReportPayeesIfFlagged(now);
    }

    /// <summary>Tells the device index about devices and remembers payees, for fraud-ring detection.</summary>
    private void FeedRingIndexes(CustomerActivity activity, DateTimeOffset now)
    {
        if (activity.Kind is ActivityKind.Login or ActivityKind.PaymentOut && !string.IsNullOrEmpty(activity.DeviceId)
            && Bounded.AddDistinct(Current.ReportedDevices, activity.DeviceId, RiskState.MaxReported))
        {
            _ = GrainFactory.GetGrain<IDeviceIndexGrain>(activity.DeviceId).Record(CustomerId, activity.At);
        }

        if (activity.Kind == ActivityKind.PaymentOut && activity.CounterpartyAccountId is { } payee
            && activity.Status == nameof(MovementStatus.Completed))
        {
            Bounded.AddDistinct(Current.RecentPayees, payee, RiskState.MaxReported);
            ReportPayeesIfFlagged(now);
        }
    }

    /// <summary>Whether the customer counts as a flagged sender for its payees' mule watch (<see cref="FlaggedSenderPolicy"/>).</summary>
    private bool Flagged(DateTimeOffset now)
    {
        var standing = CurrentScore(now);
        var explained = RiskScoreRules.Decay(Current.Explained.Score, Current.Explained.ScoredAt, now, Control.ScoreHalfLife);
        return FlaggedSenderPolicy.Counts(
            Current.OpenCaseId is not null, LevelOf(standing), standing, explained, Current.Explained.AwaitingCode is not null);
    }

    /// <summary>A flagged customer's payees learn that it pays them (several flagged senders make a suspected mule).</summary>
    private void ReportPayeesIfFlagged(DateTimeOffset now)
    {
        if (!Flagged(now))
        {
            return;
        }

        foreach (var payee in Current.RecentPayees.Where(p => !Current.ReportedPayees.Contains(p, StringComparer.Ordinal)).ToList())
        {
            Bounded.Add(Current.ReportedPayees, payee, RiskState.MaxReported);
            _ = GrainFactory.GetGrain<IPayeeWatchGrain>(payee).RecordFlaggedSender(CustomerId, now);
        }
    }
}
