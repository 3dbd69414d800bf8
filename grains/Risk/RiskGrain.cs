using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Fin.Risk;

/// <summary>
/// One customer's risk engine. It consumes the customer's activity stream (implicit subscription), folds each new event
/// into the behaviour profile, scores it and acts on the verdict by tier: High freezes every account at once, opens a
/// case and raises an alert; Medium raises a contact task and requires a one-time code on payments for a while; Low with
/// findings flags the customer and puts it on the watch list. It also answers the inline pre-authorisation of payments
/// (see RiskGrain.Payments.cs). Routine changes are written at most every <see cref="RiskControlOptions.FlushInterval"/>;
/// anything that acts (a freeze, a case, a challenge) is written before the call returns.
/// </summary>
[ImplicitStreamSubscription(FinNames.CustomerActivityNamespace)]
public sealed partial class RiskGrain(
    [PersistentState("risk", FinNames.Storage)] IPersistentState<RiskState> state,
    IRiskScorer scorer,
    INotifier notifier,
    IOptions<RiskOptions> thresholds,
    IOptions<RiskControlOptions> control,
    TimeProvider clock,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain, IStreamSubscriptionObserver
{
    private bool _dirty;

    /// <summary>
    /// The profile as last read, for scoring payments without a call to the customer per payment. Bound devices only
    /// change through the customer grain, which tells this grain to forget it; until that message lands a payment from a
    /// newly bound device counts as unbound and is asked for a one-time code, the safe side.
    /// </summary>
    private CustomerProfile? _customer;
    private IGrainTimer? _flushTimer;

    private RiskState S => state.State;

    private string CustomerId => this.GetPrimaryKeyString();

    private RiskControlOptions Control => control.Value;

    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<CustomerActivity>().ResumeAsync(OnActivityAsync);

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty)
        {
            await SaveAsync();
        }
    }

    public Task<RiskProfileView> GetProfile()
    {
        var now = clock.GetUtcNow();
        var score = CurrentScore(now);
        return Task.FromResult(new RiskProfileView(
            CustomerId, LevelOf(score), score, [.. S.Flags], S.Watchlisted,
            [.. S.Signals.AsEnumerable().Reverse().Select(s => new RiskSignalView(s.At, s.Source, s.Description, s.Score, s.Level))],
            S.OpenCaseId, S.StepUpUntil > now ? S.StepUpUntil : null, S.ModelVersion, S.ObservedEvents));
    }

    public async Task RaiseSignal(RingSignal signal)
    {
        if (!Bounded.AddDistinct(S.AppliedSignals, $"{signal.Kind}:{signal.SourceId}", RiskState.MaxReported))
        {
            return; // each ring indicator raises a customer's risk once
        }

        var now = clock.GetUtcNow();
        var boost = signal.Kind switch
        {
            RingSignalKind.SharedDevice => Control.SharedDeviceBoost,
            RingSignalKind.MuleAccount => Control.MuleBoost,
            RingSignalKind.CreditOverdue => Control.CreditOverdueBoost,
            RingSignalKind.ScamCollector => Control.ScamCollectorBoost,
            _ => Control.RingMemberBoost,
        };
        var previous = CurrentScore(now);
        var before = LevelOf(previous);
        S.Score = RiskScoreRules.AfterSignal(S.Score, S.ScoredAt, boost, now, Control.ScoreHalfLife);
        if (signal.Kind == RingSignalKind.CreditOverdue)
        {
            // Arrears raise the watch on a customer but never, on their own, trigger the fraud response (freeze, case).
            S.Score = Math.Min(S.Score, Math.Max(previous, thresholds.Value.HighThreshold - 1));
        }

        S.ScoredAt = now;
        var level = LevelOf(S.Score);
        var flag = SignalFlag(signal.Kind);
        Flag([flag]);
        RecordSignal(now, $"signal:{flag}", signal.Description, S.Score, level);
        FinMetrics.RiskDecisions.Add(1, new("source", "signal"), new("level", level.ToString()));
        Audit(AuditAction.Signal, RiskGrainKeys.Engine, signal.Description, level, S.Score, reference: signal.SourceId);

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

    public async Task<CaseView> Refer(string reason, string by, bool freeze)
    {
        if (S.OpenCaseId is { } open)
        {
            throw new FinException(FinErrorCode.Conflict, $"The customer is already under investigation in case {open}.");
        }

        var now = clock.GetUtcNow();
        var snapshot = Standing(LevelOf(CurrentScore(now)));
        var view = await EscalateAsync(snapshot, $"Referred by {by}: {reason}", now, null, by, byEngine: false, freeze);
        await SaveAsync();
        return view!;
    }

    public async Task CaseResolved(string caseId, CaseOutcome outcome, string by)
    {
        var now = clock.GetUtcNow();
        if (S.OpenCaseId == caseId)
        {
            S.OpenCaseId = null;
        }

        S.Score = CurrentScore(now);
        if (outcome == CaseOutcome.FalsePositive)
        {
            S.Score = RiskScoreRules.AfterFalsePositive(S.Score, thresholds.Value.MediumThreshold);
            S.StepUpUntil = null;
        }
        else
        {
            Flag(["confirmed-fraud"]);
        }

        S.ScoredAt = now;
        S.Level = LevelOf(S.Score);
        CaseLabelled(caseId, outcome);
        RecordSignal(now, "case", $"Case {caseId} resolved as {outcome} by {by}", S.Score, S.Level);
        await SaveAsync();
    }

    public async Task AppendAudit(IReadOnlyList<AuditRecord> records)
    {
        foreach (var record in records)
        {
            AppendAuditRecord(record);
        }

        await SaveAsync();
    }

    private async Task OnActivityAsync(CustomerActivity activity, StreamSequenceToken? token)
    {
        if (activity.CustomerId != CustomerId)
        {
            return;
        }

        if (activity.Kind == ActivityKind.DeviceBound)
        {
            // Not a payment or a login to score: the binding's own assessment, now that the logins before it are seen.
            await AssessBindingAsync(activity.DeviceId ?? "", activity.At);
            return;
        }

        if (!BehaviourTracker.Observe(S.Profile, activity))
        {
            FinMetrics.RiskRedeliveries.Add(1);
            return;
        }

        S.ObservedEvents++;
        MarkDirty();
        var now = clock.GetUtcNow();
        await MatureDecisionsAsync(now);
        FeedRingIndexes(activity, now);
        try
        {
            var verdict = scorer.ScoreActivity(S.Profile, activity);
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
        S.ModelVersion = verdict.ModelVersion;
        FinMetrics.RiskDecisions.Add(1, new("source", "activity"), new("level", verdict.Level.ToString()));
        S.Score = RiskScoreRules.AfterVerdict(S.Score, S.ScoredAt, verdict.Score, now, Control.ScoreHalfLife);
        S.ScoredAt = now;
        var response = RiskResponsePolicy.ForVerdict(verdict.Level, verdict.Reasons.Count > 0);
        if (response == RiskResponse.None)
        {
            S.Level = LevelOf(S.Score);
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
                    Snapshot(verdict, FeatureSnapshot.Of(S.Profile, activity)), trigger, activity.At, activity.EventId, RiskGrainKeys.Engine,
                    byEngine: true, freeze: true);
                break;
            case RiskResponse.StepUpAndContact:
                await StepUpAndContactAsync(trigger, verdict.Reasons, now);
                break;
        }

        S.Level = LevelOf(S.Score);
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

    private static string SignalFlag(RingSignalKind kind) => kind switch
    {
        RingSignalKind.CreditOverdue => "credit-overdue",
        RingSignalKind.SharedDevice => "shared-device",
        RingSignalKind.MuleAccount => "mule-account",
        RingSignalKind.ScamCollector => "scam-collector",
        _ => "ring-member",
    };

    private static string Reasons(IReadOnlyList<string> reasons) => reasons.Count == 0 ? "no findings" : string.Join(", ", reasons);

    private int CurrentScore(DateTimeOffset now) => RiskScoreRules.Decay(S.Score, S.ScoredAt, now, Control.ScoreHalfLife);

    private RiskLevel LevelOf(int score) =>
        RiskScoreRules.LevelOf(score, thresholds.Value.MediumThreshold, thresholds.Value.HighThreshold, S.OpenCaseId is not null);

    private bool Flagged(DateTimeOffset now) => S.OpenCaseId is not null || LevelOf(CurrentScore(now)) != RiskLevel.Low;

    private void Flag(IEnumerable<string> flags)
    {
        foreach (var flag in flags)
        {
            Bounded.AddDistinct(S.Flags, flag, RiskState.MaxFlags);
        }

        S.Watchlisted = true;
    }

    private void RecordSignal(DateTimeOffset at, string source, string description, int score, RiskLevel level) =>
        Bounded.Add(S.Signals, new SignalRecord { At = at, Source = source, Description = description, Score = score, Level = level }, RiskState.MaxSignals);

    private void MarkDirty()
    {
        _dirty = true;
        _flushTimer ??= this.RegisterGrainTimer(FlushAsync, Control.FlushInterval, Control.FlushInterval);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        await MatureDecisionsAsync(clock.GetUtcNow());
        if (_dirty)
        {
            await SaveAsync();
            return;
        }

        _flushTimer?.Dispose();
        _flushTimer = null;
    }

    /// <summary>Seals old audit records, publishes a changed level to the customer's profile and writes the state.</summary>
    private async Task SaveAsync()
    {
        await SealAuditAsync();
        S.Level = LevelOf(CurrentScore(clock.GetUtcNow()));
        if (S.Level != S.PublishedLevel)
        {
            try
            {
                await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).SetRiskLevel(S.Level);
                S.PublishedLevel = S.Level;
            }
            catch (FinException ex) when (ex.Code == FinErrorCode.NotFound)
            {
                // A ring signal can reach an account owner the platform no longer knows; nothing to show.
            }
        }

        await state.WriteStateAsync();
        _dirty = false;
        ReportTally();
    }

    public Task CustomerChanged()
    {
        _customer = null;
        return Task.CompletedTask;
    }

    /// <summary>The customer's profile; freezes read it fresh (accounts may have been opened), payments use a kept copy.</summary>
    private async Task<CustomerProfile> LoadCustomerAsync(bool fresh = true)
    {
        if (fresh || _customer is null)
        {
            _customer = await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).Get() ?? throw FinException.NotFound("Customer");
        }

        return _customer;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Risk grain of {CustomerId} could not act on event {EventId}")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception, string customerId, string eventId);
}
