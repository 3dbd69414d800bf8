using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Api.Contracts;

public sealed record DepositRequest(decimal? Amount, string? Channel);

public sealed record WithdrawalRequest(decimal? Amount);

public sealed record PaymentRequest(
    string? FromAccountId,
    string? ToAccountId,
    decimal? Amount,
    string? Currency,
    string? Channel,
    string? DeviceId,
    string? Ip,
    string? Country,
    string? City,
    string? MerchantCategory,
    string? Otp);

/// <summary>Outcome of a deposit or withdrawal.</summary>
public sealed record MovementResponse(string Id, MovementStatus Status, decimal? Balance, DeclineReason? DeclineReason, decimal Amount, string Currency)
{
    public static MovementResponse From(MovementResult r) => new(r.Id, r.Status, r.BalanceAfter, r.DeclineReason, r.Amount, r.Currency);
}

public sealed record FxResponse(decimal Rate, decimal CreditedAmount, string CreditedCurrency);

public sealed record PaymentResponse(
    string Id,
    MovementStatus Status,
    DeclineReason? DeclineReason,
    RiskLevel RiskLevel,
    int RiskScore,
    IReadOnlyList<string> Reasons,
    FxResponse? Fx,
    string? FromAccountId,
    string? ToAccountId,
    decimal Amount,
    string Currency,
    string Channel,
    DateTimeOffset CreatedAt)
{
    public static PaymentResponse From(MovementResult r) => new(
        r.Id, r.Status, r.DeclineReason, r.RiskLevel, r.RiskScore, r.Reasons,
        r.Fx is { } fx ? new FxResponse(fx.Rate, fx.CreditedAmount, fx.CreditedCurrency) : null,
        r.FromAccountId, r.ToAccountId, r.Amount, r.Currency, r.Channel, r.CreatedAt);
}

/// <summary>A payment as its payee sees it: what the payee's own statement shows.</summary>
public sealed record PaymentReceiptResponse(
    string Id,
    MovementStatus Status,
    decimal Amount,
    string Currency,
    string? ToAccountId,
    decimal CreditedAmount,
    string CreditedCurrency,
    DateTimeOffset CreatedAt)
{
    public static PaymentReceiptResponse From(MovementResult r) => new(
        r.Id, r.Status, r.Amount, r.Currency, r.ToAccountId, r.Fx?.CreditedAmount ?? r.Amount, r.Fx?.CreditedCurrency ?? r.Currency, r.CreatedAt);
}
