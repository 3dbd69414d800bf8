using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>
/// A payment about to be made, as the money movement hands it to the payer's risk grain before any money moves.
/// <paramref name="Otp"/> is the one-time code the client repeated the request with, if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.PaymentCheck")]
public sealed record PaymentCheck(
    string MovementId,
    decimal Amount,
    string Currency,
    string FromAccountId,
    string ToAccountId,
    string Channel,
    string? DeviceId,
    string? Ip,
    string? Country,
    string? City,
    string? MerchantCategory,
    DateTimeOffset At,
    string? Otp);

/// <summary>The inline answer: the decision, the score and level behind it, and why.</summary>
[GenerateSerializer, Immutable, Alias("fin.PaymentAssessment")]
public sealed record PaymentAssessment(PaymentDecision Decision, int Score, RiskLevel Level, IReadOnlyList<string> Reasons, string ModelVersion);
