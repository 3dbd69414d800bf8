using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;

namespace Orleans.Fin.Payments;

/// <summary>Persisted state of a money movement: the request it answers, its legs and its outcome.</summary>
public sealed class MovementState
{
    public int SchemaVersion { get; set; } = 1;
    public bool Exists { get; set; }
    public string RequestHash { get; set; } = "";
    public MovementKind Kind { get; set; }
    public MovementStatus Status { get; set; }
    public DeclineReason? DeclineReason { get; set; }
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public string? FromAccountId { get; set; }
    public string? ToAccountId { get; set; }
    public decimal? BalanceAfter { get; set; }
    public RiskLevel RiskLevel { get; set; }
    public int RiskScore { get; set; }
    public List<string> Reasons { get; set; } = [];
    public decimal? FxRate { get; set; }
    public decimal? FxCreditedAmount { get; set; }
    public string? FxCreditedCurrency { get; set; }
    public string Channel { get; set; } = "";
    public string InitiatedBy { get; set; } = "";
    public string? DeviceId { get; set; }
    public string? Ip { get; set; }
    public string? Country { get; set; }
    public string? City { get; set; }
    public string? MerchantCategory { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? PayerCustomerId { get; set; }
    public string? PayeeCustomerId { get; set; }
    public List<LegRecord> Legs { get; set; } = [];
}

public sealed class LegRecord
{
    public string AccountId { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "";
    public EntryKind Kind { get; set; }
    public string? Counterparty { get; set; }
    public decimal? FxRate { get; set; }
    public string? ExpectedOwner { get; set; }
    public bool CountsTowardsDailyLimit { get; set; }
    public bool Applied { get; set; }
    public bool Reversed { get; set; }
}
