using Orleans.Fin.Payments;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The risk scorer the risk grain calls: rules plus the fraud champion this silo serves. When a challenger is
/// registered it scores the same payment in shadow (recorded, never acting) unless the payment falls in its traffic
/// share, in which case its verdict is the one returned (A/B). A rules-only scorer runs in shadow too: the interception
/// baseline. Scores and key features of every version are counted for drift.
/// </summary>
public sealed class ServingRiskScorer(ModelServing serving, ShadowRecorder recorder, RiskOptions options) : IRiskScorer
{
    public const string RulesOnly = RiskScorer.RulesOnlyVersion;

    private readonly RiskScorer _rulesOnly = new(options, null);

    public RiskVerdict ScorePayment(BehaviourProfile profile, PaymentCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var served = serving.Fraud;
        var challengerActs = served.Challenger is not null && TrafficSplit.ChallengerTakes(candidate.MovementId, served.ChallengerShare);
        var champion = Score(served.Champion, profile, candidate, acted: !challengerActs);
        var challenger = served.Challenger is { } c ? Score(c, profile, candidate, acted: challengerActs) : null;
        var baseline = _rulesOnly.AssessPayment(profile, candidate).Verdict;
        recorder.Record(ModelNames.Fraud, RulesOnly, baseline.Score / 100.0, acted: false, _ => 0);
        return (challengerActs ? challenger! : champion) with { BaselineLevel = baseline.Level };
    }

    public RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity) =>
        serving.RiskScorerOf(serving.Fraud.Champion, options).ScoreActivity(profile, activity);

    private RiskVerdict Score(LoadedModel model, BehaviourProfile profile, PaymentCandidate candidate, bool acted)
    {
        var assessment = serving.RiskScorerOf(model, options).AssessPayment(profile, candidate);
        if (assessment.Features is { } features)
        {
            recorder.Record(ModelNames.Fraud, model.Version, assessment.Verdict.ModelProbability ?? 0, acted, name => FraudRegistrations.KeyFeature(features, name));
        }

        return assessment.Verdict;
    }
}
