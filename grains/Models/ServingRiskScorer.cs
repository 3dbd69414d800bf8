using Orleans.Fin.Payments;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Models;

/// <summary>
/// The risk scorer the risk grain calls: rules plus the fraud champion this silo serves. When a challenger is
/// registered it scores the same payment in shadow (recorded, never acting) unless the payment falls in its traffic
/// share, in which case its verdict is the one returned (A/B). A rules-only scorer runs in shadow too: the interception
/// baseline. The rules and the features are computed once per payment and shared by every version. Scores and key
/// features of every version are counted for drift.
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
        var championScorer = serving.RiskScorerOf(served.Champion, options);

        // The rules run and the features are built once; each version only adds its model's prediction.
        var evidence = championScorer.GatherPayment(profile, candidate);
        var champion = Score(championScorer, served.Champion, profile, evidence, acted: !challengerActs);
        var challenger = served.Challenger is { } c ? Score(serving.RiskScorerOf(c, options), c, profile, evidence, acted: challengerActs) : null;
        var baseline = _rulesOnly.Judge(profile, evidence).Verdict;
        recorder.Record(ModelNames.Fraud, RulesOnly, baseline.Score / 100.0, acted: false, _ => 0);
        return (challengerActs ? challenger! : champion) with { BaselineLevel = baseline.Level };
    }

    public RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity) =>
        serving.RiskScorerOf(serving.Fraud.Champion, options).ScoreActivity(profile, activity);

    private RiskVerdict Score(RiskScorer scorer, LoadedModel model, BehaviourProfile profile, RiskEvidence evidence, bool acted)
    {
        var assessment = scorer.Judge(profile, evidence);
        if (assessment.Features is { } features)
        {
            recorder.Record(ModelNames.Fraud, model.Version, assessment.Verdict.ModelProbability ?? 0, acted, name => FraudRegistrations.KeyFeature(features, name));
        }

        return assessment.Verdict;
    }
}
