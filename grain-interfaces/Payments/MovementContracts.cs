using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Payments;

public enum MovementKind
{
    Deposit = 0,
    Withdrawal = 1,
    Payment = 2,

    /// <summary>A loan paid out into the borrower's account from the loan book.</summary>
    LoanDisbursement = 3,

    /// <summary>A loan repayment (by the borrower or the automatic debit) from the borrower's account into the loan book.</summary>
    LoanRepayment = 4,

    /// <summary>Cash from the customer's account into the fund custody account, buying fund units in a portfolio.</summary>
    FundSubscription = 5,

    /// <summary>Proceeds of fund units sold in a portfolio, from the fund custody account back to the customer's account.</summary>
    FundRedemption = 6,
}

public enum MovementStatus
{
    Pending = 0,
    Completed = 1,
    Declined = 2,
    ChallengeRequired = 3,
}

/// <summary>
/// A money-moving request as accepted by client-api. <paramref name="RequestHash"/> fingerprints the body
/// (without the one-time code) so a reused idempotency key with another body is refused.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.MovementRequest")]
public sealed record MovementRequest(
    MovementKind Kind,
    string RequestHash,
    string InitiatedBy,
    string? FromAccountId,
    string? ToAccountId,
    decimal Amount,
    string Currency,
    string Channel,
    string? DeviceId = null,
    string? Ip = null,
    string? Country = null,
    string? City = null,
    string? MerchantCategory = null,
    string? Otp = null);

[GenerateSerializer, Immutable, Alias("fin.FxQuote")]
public sealed record FxQuote(decimal Rate, decimal CreditedAmount, string CreditedCurrency);

[GenerateSerializer, Immutable, Alias("fin.MovementResult")]
public sealed record MovementResult(
    string Id,
    MovementKind Kind,
    MovementStatus Status,
    DeclineReason? DeclineReason,
    decimal Amount,
    string Currency,
    string? FromAccountId,
    string? ToAccountId,
    decimal? BalanceAfter,
    RiskLevel RiskLevel,
    int RiskScore,
    IReadOnlyList<string> Reasons,
    FxQuote? Fx,
    string Channel,
    string InitiatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> CustomerIds);

/// <summary>How many movements a pending index shard holds, and when the oldest was planned.</summary>
[GenerateSerializer, Immutable, Alias("fin.PendingSummary")]
public sealed record PendingSummary(int Count, DateTimeOffset? OldestPlannedAt);
