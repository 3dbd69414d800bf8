using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Combines the pattern rules and the fraud model into a 0–100 score, as a noisy-or of independent pieces of evidence:
/// each <see cref="RiskSignalGroup"/> contributes its strongest signal's points s, the model its probability p weighted
/// by <see cref="RiskOptions.ModelWeight"/> w, and score = 100 · (1 − Π(1 − s/100) · (1 − w·p)). One signal scores its
/// points; each further one closes part of the remaining gap, so two moderate coincidences stay below High while three,
/// or a confident model, reach it. A payment from an unbound or freshly bound device is at least Medium; a payment to
/// a merchant reaches High only when the rules alone do (the model alone makes it Medium), and so does a first large
/// transfer to a new payee with nothing but its size against it (<see cref="FirstLargeTransferPolicy"/>). Thread-safe; pure apart from
/// the pooled model engines.
/// </summary>
public sealed class RiskScorer : IRiskScorer
{
    /// <summary>The model version in verdicts when no model is loaded.</summary>
    public const string RulesOnlyVersion = "rules-only";

    private readonly RiskOptions _options;

    public RiskScorer(RiskOptions options, FraudModel? model)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options;
        Model = model;
    }

    public FraudModel? Model { get; }

    public string ModelVersion => Model?.Version ?? RulesOnlyVersion;

    /// <summary>Scores a payment before money moves, against the profile as it is (the payment not yet observed).</summary>
    public RiskVerdict ScorePayment(BehaviourProfile profile, PaymentCandidate candidate) => AssessPayment(profile, candidate).Verdict;

    /// <summary>
    /// Scores an event from the stream. Call it after <see cref="BehaviourTracker.Observe"/> returned true for the event
    /// (or before: the event's own traces in the profile are left out either way). Stream events do not say whether the
    /// device was bound, so UNBOUND_DEVICE is only ever given inline. Logins get rules only; inflows score 0.
    /// </summary>
    public RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity) => AssessActivity(profile, activity).Verdict;

    public RiskAssessment AssessPayment(BehaviourProfile profile, PaymentCandidate candidate) => Judge(profile, GatherPayment(profile, candidate));

    public RiskAssessment AssessActivity(BehaviourProfile profile, CustomerActivity activity)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(activity);
        return Judge(profile, Gather(profile, RiskEvent.From(activity)));
    }

    /// <summary>
    /// The rules' findings and the model's features for a payment about to be made, to <see cref="Judge"/> here or by any
    /// scorer with the same options: several models scoring one payment then scan the profile once.
    /// </summary>
    internal RiskEvidence GatherPayment(BehaviourProfile profile, PaymentCandidate candidate)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(candidate);
        return Gather(profile, RiskEvent.From(candidate));
    }

    private RiskEvidence Gather(BehaviourProfile profile, in RiskEvent e)
    {
        var signals = RiskRules.Evaluate(profile, e, _options);
        var features = ReadsFeatures(e) ? FraudFeatureExtractor.Extract(profile, e, new FraudFeatures()) : null;
        return new RiskEvidence(e, _options, signals, features);
    }

    private bool ReadsFeatures(in RiskEvent e) => e.IsOutgoing && Model is not null && _options.ModelWeight > 0;

    /// <summary>
    /// This scorer's verdict on gathered evidence: its model's probability combined with the rule signals. Evidence
    /// gathered under other options, or without the features this scorer's model reads, is completed here.
    /// </summary>
    internal RiskAssessment Judge(BehaviourProfile profile, RiskEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (!ReferenceEquals(evidence.Options, _options))
        {
            evidence = Gather(profile, evidence.Event);
        }

        var e = evidence.Event;
        var signals = evidence.Signals;
        FraudFeatures? features = null;
        float? probability = null;
        if (ReadsFeatures(e))
        {
            features = evidence.Features ?? FraudFeatureExtractor.Extract(profile, e, new FraudFeatures());
            probability = Model!.Predict(features);
        }

        var rulesUnexplained = 1.0;
        for (var i = 0; i < signals.Count; i++)
        {
            if (FirstOfItsGroup(signals, i))
            {
                rulesUnexplained *= 1 - (Math.Clamp(StrongestOfGroup(signals, i), 0, 100) / 100.0);
            }
        }

        var modelUnexplained = probability is { } p ? 1 - (_options.ModelWeight * Math.Clamp(p, 0f, 1f)) : 1.0;
        var score = ToScore(modelUnexplained * rulesUnexplained);
        if (_options.MerchantNeedsRulesForHigh && e.ToMerchant && score >= _options.HighThreshold && ToScore(rulesUnexplained) < _options.HighThreshold)
        {
            // The model alone does not freeze a customer over a payment to a merchant (a wedding venue after the gifts
            // came in, a big purchase): the money lands at a business it can be recalled from. It asks for a code.
            score = _options.HighThreshold - 1;
        }

        var capped = score >= _options.HighThreshold && FirstLargeTransferPolicy.CapsAtCode(profile, e, signals, _options);
        if (capped)
        {
            score = _options.HighThreshold - 1;
        }

        if (signals.Exists(s => s.Code is RiskReasons.UnboundDevice or RiskReasons.FreshlyBoundDevice))
        {
            score = Math.Max(score, _options.MediumThreshold);
        }

        score = Math.Clamp(score, 0, 100);
        var reasons = ReasonsByPoints(signals);
        if (probability >= _options.ModelReasonProbability)
        {
            reasons.Add(RiskReasons.ModelHigh);
        }

        if (capped)
        {
            reasons.Add(RiskReasons.FirstLargeTransfer);
        }

        var verdict = new RiskVerdict(score, LevelOf(score), reasons, probability, ModelVersion);
        return new RiskAssessment(verdict, signals, features);
    }

    /// <summary>The signals' codes, strongest first; signals with equal points keep the order the rules ran in.</summary>
    private static List<string> ReasonsByPoints(List<RiskSignal> signals)
    {
        List<RiskSignal> strongestFirst = new(signals.Count);
        foreach (var signal in signals)
        {
            var at = strongestFirst.Count;
            while (at > 0 && strongestFirst[at - 1].Points < signal.Points)
            {
                at--;
            }

            strongestFirst.Insert(at, signal);
        }

        List<string> reasons = new(signals.Count + 2); // room for the model's and the first-transfer reasons
        foreach (var signal in strongestFirst)
        {
            reasons.Add(signal.Code);
        }

        return reasons;
    }

    // Groups are combined in the order of their first signal (the order the rules ran in), each by its strongest signal.
    private static bool FirstOfItsGroup(List<RiskSignal> signals, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (signals[i].Group == signals[index].Group)
            {
                return false;
            }
        }

        return true;
    }

    private static int StrongestOfGroup(List<RiskSignal> signals, int first)
    {
        var points = signals[first].Points;
        for (var i = first + 1; i < signals.Count; i++)
        {
            if (signals[i].Group == signals[first].Group)
            {
                points = Math.Max(points, signals[i].Points);
            }
        }

        return points;
    }

    private static int ToScore(double unexplained) => (int)Math.Round(100 * (1 - unexplained), MidpointRounding.AwayFromZero);

    public RiskLevel LevelOf(int score) =>
        score >= _options.HighThreshold ? RiskLevel.High : score >= _options.MediumThreshold ? RiskLevel.Medium : RiskLevel.Low;
}
