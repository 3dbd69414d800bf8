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
/// One customer's risk engine; it orchestrates, and the rules it applies are the pure policies of Risk/Domain. This file
/// holds its state, activation and writing; each facet reads on its own: the activity stream (RiskGrain.Activity.cs),
/// inline pre-authorisation of payments and one-time codes (RiskGrain.Payments.cs), device bindings and beneficiaries
/// (RiskGrain.Bindings.cs), fraud-ring signals (RiskGrain.Rings.cs), the tiered responses (RiskGrain.Responses.cs),
/// referrals and case outcomes (RiskGrain.Cases.cs) and the audit trail (RiskGrain.Audit.cs). Routine changes are written
/// at most every <see cref="RiskControlOptions.FlushInterval"/>; anything that acts (a freeze, a case, a challenge) is
/// written before the call returns.
/// </summary>
[ImplicitStreamSubscription(FinNames.CustomerActivityNamespace)]
public sealed partial class RiskGrain(
    [PersistentState("risk", FinNames.Storage)] IPersistentState<RiskState> state,
    IRiskScorer scorer,
    INotifier notifier,
    IOptions<RiskOptions> thresholds,
    IOptions<RiskControlOptions> control,
    TimeProvider clock,
    ILogger<RiskGrain> logger) : Grain, IRiskGrain, IStreamSubscriptionObserver, IAsyncObserver<CustomerActivity>
{
    private bool _dirty;

    /// <summary>
    /// The customer's bound devices and masked phone as last read, for payments without a call to the customer per
    /// payment (only what payments use is kept, not the whole profile: no name, identity number or account list). Bound
    /// devices only change through the customer grain, which tells this grain to forget them; until that message lands a
    /// payment from a newly bound device counts as unbound and is asked for a one-time code, the safe side.
    /// </summary>
    private IReadOnlyList<string>? _boundDevices;

    private string? _maskedPhone;
    private IGrainTimer? _flushTimer;

    /// <summary>The newest audit record in the stored state: only records up to it are sealed (<see cref="SealAuditAsync"/>).</summary>
    private long _storedAuditCount;

    private RiskState Current => state.State;

    private string CustomerId => this.GetPrimaryKeyString();

    private RiskControlOptions Control => control.Value;

    /// <summary>
    /// The grain is its own observer of the activity stream: no delegate and observer object per activation, as
    /// resuming with a method would make.
    /// </summary>
    public Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        handleFactory.Create<CustomerActivity>().ResumeAsync(this);

    Task IAsyncObserver<CustomerActivity>.OnNextAsync(CustomerActivity item, StreamSequenceToken? token) => OnActivityAsync(item, token);

    Task IAsyncObserver<CustomerActivity>.OnCompletedAsync() => Task.CompletedTask;

    Task IAsyncObserver<CustomerActivity>.OnErrorAsync(Exception ex) => Task.CompletedTask;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _storedAuditCount = Current.AuditCount;
        return ReadWindowsAsync();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_dirty && !_superseded)
        {
            try
            {
                await SaveAsync(deactivating: true);
            }
            catch (Exception ex)
            {
                LogNotSavedOnDeactivation(logger, ex, CustomerId); // the next activation reads what is stored
            }
        }
    }

    public Task<RiskProfileView> GetProfile()
    {
        var now = clock.GetUtcNow();
        var score = CurrentScore(now);
        return Task.FromResult(new RiskProfileView(
            CustomerId, LevelOf(score), score, [.. Current.Flags], Current.Watchlisted,
            [.. Current.Signals.AsEnumerable().Reverse().Select(s => new RiskSignalView(s.At, s.Source, s.Description, s.Score, s.Level))],
            Current.OpenCaseId, Current.StepUpUntil > now ? Current.StepUpUntil : null, Current.ModelVersion, Current.ObservedEvents));
    }

    private static string Reasons(IReadOnlyList<string> reasons) => reasons.Count == 0 ? "no findings" : string.Join(", ", reasons);

    private int CurrentScore(DateTimeOffset now) => RiskScoreRules.Decay(Current.Score, Current.ScoredAt, now, Control.ScoreHalfLife);

    private RiskLevel LevelOf(int score) =>
        RiskScoreRules.LevelOf(score, thresholds.Value.MediumThreshold, thresholds.Value.HighThreshold, Current.OpenCaseId is not null);

    private void Flag(IEnumerable<string> flags)
    {
        foreach (var flag in flags)
        {
            Bounded.AddDistinct(Current.Flags, flag, RiskState.MaxFlags);
        }

        Current.Watchlisted = true;
    }

    private void RecordSignal(DateTimeOffset at, string source, string description, int score, RiskLevel level) =>
        Bounded.Add(Current.Signals, new SignalRecord { At = at, Source = source, Description = description, Score = score, Level = level }, RiskState.MaxSignals);

    private void MarkDirty()
    {
        _dirty = true;
        // A static callback with the grain as its state: no delegate made each time the timer is.
        _flushTimer ??= this.RegisterGrainTimer(static (grain, cancellation) => grain.FlushAsync(cancellation), this, Control.FlushInterval, Control.FlushInterval);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_superseded)
        {
            return; // another writer holds the state: nothing is labelled, sealed or written from this stale copy
        }

        await SettleUnansweredWritesAsync(); // after a failed write: whose state is stored, before anything is labelled
        await MatureDecisionsAsync(clock.GetUtcNow());
        if (_dirty)
        {
            await SaveAsync();
            return;
        }

        _flushTimer?.Dispose();
        _flushTimer = null;
    }

    /// <summary>
    /// Seals old audit records, publishes a changed level to the customer's profile and writes the state. Sealing that
    /// fails does not stop the write: the records stay in the state and are sealed with a later one.
    /// </summary>
    private async Task SaveAsync(bool deactivating = false)
    {
        await SettleUnansweredWritesAsync(); // before sealing or publishing anything from a state another writer replaced
        var sealedAll = true;
        try
        {
            await SealAuditAsync();
        }
        catch (Exception ex)
        {
            sealedAll = false;
            LogAuditNotSealed(logger, ex, CustomerId);
        }

        Current.Level = LevelOf(CurrentScore(clock.GetUtcNow()));
        if (Current.Level != Current.PublishedLevel)
        {
            try
            {
                await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).SetRiskLevel(Current.Level);
                Current.PublishedLevel = Current.Level;
            }
            catch (FinException ex) when (ex.Code == FinErrorCode.NotFound)
            {
                // A ring signal can reach an account owner the platform no longer knows; nothing to show.
            }
        }

        await WriteStateAsync();
        _storedAuditCount = Current.AuditCount;
        _dirty = false;
        if (sealedAll && HasStoredAuditRun)
        {
            // This write stored a complete run: seal it with the next flush (or now, if the activation is leaving) rather
            // than keep it until the customer's next change.
            if (deactivating)
            {
                await SaveAsync(deactivating: true);
            }
            else
            {
                MarkDirty();
            }
        }

        ReportTally();
    }

    public Task CustomerChanged()
    {
        ForgetCustomer();
        return Task.CompletedTask;
    }

    private void ForgetCustomer()
    {
        _boundDevices = null;
        _maskedPhone = null;
    }

    /// <summary>The customer's profile, read fresh (freezes: accounts may have been opened); what payments use is kept.</summary>
    private async Task<CustomerProfile> LoadCustomerAsync()
    {
        var customer = await GrainFactory.GetGrain<ICustomerGrain>(CustomerId).Get() ?? throw FinException.NotFound("Customer");
        _boundDevices = customer.BoundDevices;
        _maskedPhone = customer.MaskedPhone;
        return customer;
    }

    /// <summary>What a payment needs of the customer: the kept copy, or the profile read when there is none.</summary>
    private async Task<(IReadOnlyList<string> BoundDevices, string MaskedPhone)> KeptCustomerAsync()
    {
        if (_boundDevices is { } devices && _maskedPhone is { } phone)
        {
            return (devices, phone);
        }

        var customer = await LoadCustomerAsync();
        return (customer.BoundDevices, customer.MaskedPhone);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk state of {CustomerId} could not be written as the activation left; changes since the last write are not kept")]
    private static partial void LogNotSavedOnDeactivation(ILogger logger, Exception exception, string customerId);
}
