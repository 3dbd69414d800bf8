using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>
/// Scores everything Low with no findings: risk scoring switched off (the unbound-device step-up and ring signals still
/// apply). Used until the rules-and-model scorer is registered, and to measure the cost of scoring.
/// </summary>
public sealed class NeutralRiskScorer : IRiskScorer
{
    public const string Version = "none";

    private static readonly RiskVerdict Nothing = new(0, RiskLevel.Low, [], null, Version);

    public RiskVerdict ScorePayment(BehaviourProfile profile, PaymentCandidate candidate) => Nothing;

    public RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity) => Nothing;
}
