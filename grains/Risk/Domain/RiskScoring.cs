using Orleans.Fin.Customers;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Risk.Domain;

/// <summary>A payment about to be made, as the inline pre-authorisation sees it.</summary>
public sealed record PaymentCandidate(
    string MovementId,
    decimal Amount,
    string Currency,
    string FromAccountId,
    string ToAccountId,
    string Channel,
    string? DeviceId,
    bool DeviceBound,
    string? Ip,
    string? Country,
    string? City,
    string? MerchantCategory,
    DateTimeOffset At,
    DateTimeOffset? DeviceBoundAt = null);

/// <summary>The outcome of scoring: 0–100, the level it falls in, why, and the model that contributed.</summary>
/// <remarks><see cref="BaselineLevel"/> is the rules-only baseline's level on the same payment, when it was scored in shadow.</remarks>
public sealed record RiskVerdict(int Score, RiskLevel Level, IReadOnlyList<string> Reasons, float? ModelProbability, string ModelVersion, RiskLevel? BaselineLevel = null);

/// <summary>Scores payments and activity against a customer's behaviour profile (rules plus the fraud model). Thread-safe.</summary>
public interface IRiskScorer
{
    /// <summary>Inline, before money moves.</summary>
    RiskVerdict ScorePayment(BehaviourProfile profile, PaymentCandidate candidate);

    /// <summary>After an event was observed on the customer's stream (pattern rules over the sliding windows).</summary>
    RiskVerdict ScoreActivity(BehaviourProfile profile, CustomerActivity activity);
}
