using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.Models;

/// <summary>The registry's read side: live metrics on labelled outcomes, drift against training, target alerts, the gate's evidence.</summary>
public sealed partial class ModelRegistryGrain
{
    public async Task<ModelView> Get()
    {
        EnsureKnown();
        var labelled = await LabelledAsync();
        var tallies = (await GrainFactory.GetGrain<IModelMonitorGrain>(Name).Get()).ToDictionary(t => t.Version, StringComparer.Ordinal);
        List<ModelVersionView> versions = [];
        ModelLiveMetrics? championLive = null;
        foreach (var v in Registry.Versions)
        {
            var scores = LabelledOutcomes.Scores(await library.Get(Name, v.Version, v.WeightsHash), labelled.Fraud, labelled.Credit);
            var live = Live(v, scores, tallies.GetValueOrDefault(v.Version));
            championLive = v.Role == ModelRole.Champion ? live : championLive;
            versions.Add(new ModelVersionView(
                v.Version, v.Role, v.TrainedAt, v.DataHash, v.WeightsHash, v.Learner, v.Data, v.Features, v.Metrics, v.TrainedBy, v.TrainingSeconds,
                v.TrafficShare, live, Drift(v, tallies.GetValueOrDefault(v.Version)), v.PromotedAt, v.PromotedBy, v.ApprovedBy, v.PromotionNote,
                BackTestOf(v, scores)));
        }

        var alerts = await WatchTargetAsync(championLive);
        var pending = Registry.Pending is { } p ? new PendingPromotionView(p.Version, p.RequestedBy, p.RequestedAt, p.Note, p.Override) : null;
        return new ModelView(Name, Champion.Version, versions, pending, alerts);
    }

    /// <summary>The live metric each model is held to: fraud recall at the model's threshold, credit AUC.</summary>
    private (string Metric, double? Value, double Target) TargetOf(ModelLiveMetrics? live) => Name == ModelNames.Fraud
        ? ("recall", live?.Recall, options.Value.FraudRecallTarget)
        : ("auc", live?.Auc, options.Value.CreditAucTarget);

    private async Task<IReadOnlyList<ModelTargetAlert>> WatchTargetAsync(ModelLiveMetrics? live)
    {
        var (metric, value, target) = TargetOf(live);
        var now = clock.GetUtcNow();
        var check = TargetWatch.Check(value, target, Registry.MissingTargetSince, now, options.Value.TargetMissWindow, options.Value.AdjustWithin);
        if (check.MissingSince != Registry.MissingTargetSince)
        {
            Registry.MissingTargetSince = check.MissingSince;
            await state.WriteStateAsync();
        }

        return check.Alert is { } miss
            ? [new ModelTargetAlert(Champion.Version, metric, miss.Value, miss.Target, miss.MissingSince, miss.AdjustBy,
                $"{Name} champion {Champion.Version} has had live {metric} {miss.Value:0.000} below its target {miss.Target:0.000} since {miss.MissingSince:yyyy-MM-dd}; adjust it by {miss.AdjustBy:yyyy-MM-dd}.")]
            : [];
    }

    private async Task<(IReadOnlyList<FraudOutcome> Fraud, IReadOnlyList<CreditRecord> Credit)> LabelledAsync() =>
        Name == ModelNames.Fraud ? (await outcomes.Fraud(), []) : ([], await outcomes.Credit());

    /// <summary>The threshold a version is judged at: the fraud model's own decision threshold, the credit policy's PD cut-off.</summary>
    private static double ThresholdOf(StoredModelVersion v) =>
        v.Metrics.GetValueOrDefault("threshold", v.Metrics.GetValueOrDefault("cutoff", 0.5));

    private static ModelLiveMetrics Live(StoredModelVersion v, IReadOnlyList<LabelledScore> scores, ShadowTally? tally)
    {
        var threshold = ThresholdOf(v);
        var metrics = OutcomeMetrics.Of(scores, threshold);
        return new ModelLiveMetrics(metrics.Count, metrics.Positives, metrics.Precision, metrics.Recall, metrics.Auc, threshold, tally?.Scored ?? 0, tally?.Acted ?? 0);
    }

    /// <summary>Credit: PD bands against realised defaults; fraud: precision and recall at the serving thresholds.</summary>
    private ModelBackTest BackTestOf(StoredModelVersion v, IReadOnlyList<LabelledScore> scores)
    {
        if (Name != ModelNames.Fraud)
        {
            return BackTest.Credit(scores);
        }

        var risk = riskOptions.Value;
        return BackTest.Fraud(scores, BackTest.FraudServingThresholds(ThresholdOf(v), risk.MediumThreshold, risk.HighThreshold, risk.ModelWeight));
    }

    private static ModelDrift Drift(StoredModelVersion v, ShadowTally? tally)
    {
        if (tally is null)
        {
            return new ModelDrift(null, new Dictionary<string, double>(), 0, PopulationStability.Status(null));
        }

        var psi = PopulationStability.Of(v.ScoreBins, tally.ScoreBins);
        var features = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (feature, counts) in tally.FeatureBins)
        {
            if (v.FeatureBins.TryGetValue(feature, out var expected) && PopulationStability.Of(expected, counts) is { } featurePsi)
            {
                features[feature] = featurePsi;
            }
        }

        return new ModelDrift(psi, features, tally.Scored, PopulationStability.Status(psi));
    }

    private async Task<GateDecision> JudgeAsync(StoredModelVersion candidate, bool @override, string note)
    {
        var labelled = await LabelledAsync();
        var champion = Champion;
        var candidateScores = LabelledOutcomes.Scores(await library.Get(Name, candidate.Version, candidate.WeightsHash), labelled.Fraud, labelled.Credit);
        var championScores = LabelledOutcomes.Scores(await library.Get(Name, champion.Version, champion.WeightsHash), labelled.Fraud, labelled.Credit);
        var evidence = new GateEvidence(
            candidateScores.Count,
            OutcomeMetrics.AucOf(candidateScores),
            OutcomeMetrics.AucOf(championScores),
            candidate.Metrics.TryGetValue("auc", out var a) ? a : null,
            champion.Metrics.TryGetValue("auc", out var b) ? b : null);
        return PromotionGate.Judge(evidence, @override, note);
    }
}
