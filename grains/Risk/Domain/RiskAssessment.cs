using Orleans.Fin.Risk.Model;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A verdict with what it was made from: the rule signals and, for payments, the features the model saw (store them
/// with the decision so that a case resolution can become a training label).
/// </summary>
public sealed record RiskAssessment(RiskVerdict Verdict, IReadOnlyList<RiskSignal> Signals, FraudFeatures? Features);
