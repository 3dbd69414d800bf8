using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.ModelTraining;

/// <summary>
/// Replays simulated customers through the engine's decisions as the risk grain takes them, all customers interleaved
/// in time (payee watches are shared): the scorer inline before each payment, the beneficiary watch, the step-up
/// policy with one-time codes (answered by customers, and by fraudsters only with the phone), freezes on High, and the
/// activity stream scored after each event. The baseline is the engine without the binding, pass-through and
/// beneficiary defences: no binding times, no pass-through rule, no payee watch, and the model may make a merchant
/// payment or a first large transfer to a new payee High on its own.
/// </summary>
internal sealed class EngineReplay(FraudModel model, bool baseline)
{
    private const int BeneficiarySenders = 2;
    private static readonly TimeSpan BeneficiaryWindow = TimeSpan.FromHours(12);
    private static readonly TimeSpan StepUpDuration = TimeSpan.FromHours(24);

    private readonly RiskOptions _options = baseline
        ? new RiskOptions
        {
            PassThroughMinSenders = int.MaxValue, MerchantNeedsRulesForHigh = false, FirstTransferCapsAtCode = false, SecondTransferHolds = false,
        }
        : new RiskOptions();
    private readonly Dictionary<string, RingWatchList> _watches = new(StringComparer.Ordinal);

    public EngineOutcome Run(IReadOnlyList<SimulatedCustomer> customers)
    {
        var scorer = new RiskScorer(_options, model);
        var states = customers.ToDictionary(c => c.CustomerId, c => new CustomerReplay(c), StringComparer.Ordinal);
        var timeline = customers.SelectMany(c => c.Events.Select((e, i) => (Customer: c.CustomerId, Order: i, Event: e)))
            .OrderBy(x => x.Event.Activity.At).ThenBy(x => x.Customer, StringComparer.Ordinal).ThenBy(x => x.Order);
        foreach (var (customerId, _, e) in timeline)
        {
            var state = states[customerId];
            if (e.Candidate is { } candidate && !BehaviourTracker.HasSeen(state.Profile, e.Activity.EventId))
            {
                Pay(scorer, state, e, baseline ? candidate with { DeviceBoundAt = null } : candidate);
                continue;
            }

            if (state.Blocked.Contains(e.Activity.EventId) || !BehaviourTracker.Observe(state.Profile, e.Activity))
            {
                continue;
            }

            Respond(state, e, scorer.ScoreActivity(state.Profile, e.Activity));
        }

        return new EngineOutcome([.. states.Values], _watches.Count(w => w.Key.StartsWith("acc_collector", StringComparison.Ordinal) && w.Value.Reached));
    }

    private void Pay(RiskScorer scorer, CustomerReplay state, SimulatedEvent e, PaymentCandidate candidate)
    {
        var at = candidate.At;
        var large = RiskCurrency.ToCny(candidate.Amount, candidate.Currency) >= _options.LargePaymentCny;
        if (state.Frozen)
        {
            Settle(state, e, PaymentOutcome.Frozen, large, "frozen before");
            return;
        }

        var verdict = scorer.ScorePayment(state.Profile, candidate);
        var watched = !baseline && ConsultWatch(state, candidate, verdict);
        PaymentOutcome outcome;
        if (verdict.Level == RiskLevel.High)
        {
            state.Freeze(Why(e, verdict));
            outcome = PaymentOutcome.Declined;
        }
        else if (BeneficiaryRiskPolicy.ForWatchedPayee(watched, RiskCurrency.ToCny(candidate.Amount, candidate.Currency), _options) == PaymentDecision.Decline)
        {
            state.StepUpUntil = at + StepUpDuration;
            outcome = PaymentOutcome.Held;
        }
        else if (SecondLargeTransferPolicy.HoldsForCall(
            state.Profile, candidate.MovementId, candidate.ToAccountId, candidate.MerchantCategory is not null, RiskCurrency.ToCny(candidate.Amount, candidate.Currency), at, _options))
        {
            state.StepUpUntil = at + StepUpDuration;
            outcome = PaymentOutcome.Held;
        }
        else
        {
            var freshlyBound = DeviceBindingPolicy.IsFresh(candidate.DeviceBoundAt, at, _options);
            var stepUps = PaymentStepUpPolicy.Reasons(verdict.Level, candidate.DeviceBound, freshlyBound, state.StepUpUntil > at, watched);
            if (PaymentStepUpPolicy.WarrantsContact(verdict.Level, verdict.Reasons))
            {
                state.StepUpUntil = at + StepUpDuration;
            }

            outcome = stepUps.Count == 0 ? PaymentOutcome.Completed
                : e.CodeAnswered ? PaymentOutcome.CompletedWithCode
                : PaymentOutcome.Declined;
        }

        Settle(state, e, outcome, large, Why(e, verdict));
    }

    private bool ConsultWatch(CustomerReplay state, PaymentCandidate candidate, RiskVerdict verdict)
    {
        var amountCny = RiskCurrency.ToCny(candidate.Amount, candidate.Currency);
        var newPayee = BeneficiaryRiskPolicy.IsNewPayee(state.Profile, candidate.ToAccountId);
        var history = BeneficiaryRiskPolicy.SenderHistoryBefore(state.Profile, candidate.MovementId);
        var risky = BeneficiaryRiskPolicy.IsRiskyAttempt(
            verdict.Level, verdict.Reasons, amountCny, newPayee, candidate.MerchantCategory is not null, history, _options);
        if (!BeneficiaryRiskPolicy.ShouldConsult(risky, newPayee, amountCny, _options))
        {
            return false;
        }

        var watch = _watches.TryGetValue(candidate.ToAccountId, out var w) ? w : _watches[candidate.ToAccountId] = new RingWatchList();
        return risky
            ? RingWatch.Record(watch, state.Customer.CustomerId, candidate.At, BeneficiarySenders, 100, BeneficiaryWindow).Watched
            : RingWatch.IsWatched(watch, candidate.At, BeneficiarySenders, BeneficiaryWindow);
    }

    /// <summary>Counts the outcome and lets the profile see the payment as it went (a stopped one as a declined attempt).</summary>
    private static void Settle(CustomerReplay state, SimulatedEvent e, PaymentOutcome outcome, bool large, string why)
    {
        state.Count(e, outcome, large, why);
        var completed = outcome is PaymentOutcome.Completed or PaymentOutcome.CompletedWithCode;
        if (!completed)
        {
            state.Blocked.Add(e.Activity.EventId);
        }

        var activity = completed ? e.Activity : e.Activity with { Status = BehaviourTracker.DeclinedStatus };
        if (outcome != PaymentOutcome.Frozen)
        {
            BehaviourTracker.Observe(state.Profile, activity);
        }
    }

    private static void Respond(CustomerReplay state, SimulatedEvent e, RiskVerdict verdict)
    {
        switch (RiskResponsePolicy.ForVerdict(verdict.Level, verdict.Reasons.Count > 0))
        {
            case RiskResponse.FreezeAndOpenCase:
                state.Freeze("stream " + Why(e, verdict));
                break;
            case RiskResponse.StepUpAndContact:
                state.StepUpUntil = e.Activity.At + StepUpDuration;
                break;
        }
    }

    private static string Why(SimulatedEvent e, RiskVerdict verdict) =>
        $"{e.Activity.Kind} {e.Activity.At:MM-dd HH:mm} {e.Activity.Amount} to {e.Activity.CounterpartyAccountId}: {verdict.Score} p={verdict.ModelProbability:F2} {string.Join(",", verdict.Reasons)}";
}
