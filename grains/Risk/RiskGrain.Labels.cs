using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// The risk grain's share of the plan's indicators and of the training labels: each payment decision is counted (did a
/// model score it, was the check complete) and kept until it is labelled (<see cref="DecisionLabels"/>). What it counted
/// goes to the KPI grain with the next state write; a crash loses at most those counts, never a decision's label.
/// </summary>
public sealed partial class RiskGrain
{
    private const string UnreportedLabeller = "label-window";

    private RiskKpiTally _tally = RiskKpiTally.Empty;

    private void RememberDecision(PaymentDecision decision, RiskVerdict verdict, PaymentCandidate candidate)
    {
        var stopped = decision != PaymentDecision.Allow;
        var record = new DecisionRecord
        {
            MovementId = candidate.MovementId,
            At = candidate.At,
            AmountCny = RiskCurrency.ToCny(candidate.Amount, candidate.Currency),
            Stopped = stopped,
            BaselineStopped = DecisionLabels.BaselineStops(stopped, verdict.Level, verdict.BaselineLevel),
            CaseId = Current.OpenCaseId,
            Features = TrafficSplit.Fraction(candidate.MovementId) < Control.NegativeSampleRate ? FeatureSnapshot.Of(Current.Profile, candidate) : null,
        };
        if (DecisionLabels.Remember(Current.Decisions, record, RiskState.MaxDecisions))
        {
            var complete = PaymentDataQuality.Problems(candidate, clock.GetUtcNow()).Count == 0;
            _tally = _tally.Add(RiskKpiTally.Empty with
            {
                Decisions = 1,
                DecisionsWithModel = verdict.ModelProbability is null ? 0 : 1,
                RecordsChecked = 1,
                RecordsValid = complete ? 1 : 0,
            });
        }

        MarkDirty();
    }

    /// <summary>A case on this customer was resolved: its payments are labelled; a confirmed fraud counts their amounts.</summary>
    private void CaseLabelled(string caseId, CaseOutcome outcome)
    {
        var episode = DecisionLabels.CloseCase(Current.Decisions, caseId, outcome == CaseOutcome.ConfirmedFraud);
        _tally = _tally.Add(RiskKpiTally.Empty with
        {
            FraudAmount = episode.Amount,
            FraudAmountStopped = episode.Stopped,
            FraudAmountStoppedByBaseline = episode.StoppedByBaseline,
        });
    }

    /// <summary>
    /// Payments that stayed unreported for the label window become labelled negatives; the sampled ones (with their
    /// decision-time features) are kept in the month's unreported-label store for retraining.
    /// </summary>
    private async Task MatureDecisionsAsync(DateTimeOffset now)
    {
        var matured = DecisionLabels.Mature(Current.Decisions, now, Control.LabelWindow);
        if (matured.Labelled == 0)
        {
            return;
        }

        MarkDirty();
        _tally = _tally.Add(RiskKpiTally.Empty with { UnreportedLabelled = matured.Labelled, UnreportedCorrect = matured.Correct });
        var store = GrainFactory.GetGrain<IRiskLabelStoreGrain>(RiskLabelStoreGrain.UnreportedKey(now));
        foreach (var decision in matured.Records.Where(d => d.Compact is not null))
        {
            var snapshot = new RiskSnapshot(0, RiskLevel.Low, [], null, Current.ModelVersion, decision.Compact!.ToDictionary());
            var label = new RiskLabel(
                RiskLabelStoreGrain.UnreportedPrefix + decision.MovementId, CustomerId, CaseOutcome.FalsePositive, false, decision.At, now,
                UnreportedLabeller, "No case within the label window", false, snapshot);
            try
            {
                await store.Append(label);
            }
            catch (Exception ex) when (ex is not FinException)
            {
                // A lost training example is a smaller harm than a payment held up by the label store.
                LogNegativeNotStored(logger, ex, CustomerId, decision.MovementId);
            }
        }
    }

    private void ReportTally()
    {
        if (_tally.IsEmpty)
        {
            return;
        }

        _ = GrainFactory.GetGrain<IRiskKpiGrain>(RiskGrainKeys.Global).RecordTally(_tally);
        _tally = RiskKpiTally.Empty;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unreported payment {MovementId} of {CustomerId} could not be kept as a training label")]
    private static partial void LogNegativeNotStored(ILogger logger, Exception exception, string customerId, string movementId);
}
