using System.Text.Json.Serialization;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.Wealth;

/// <summary>Persisted state of a portfolio grain (JSON; new members need defaults).</summary>
public sealed class PortfolioState
{
    public int SchemaVersion { get; set; } = 1;
    public bool Exists { get; set; }
    public string CustomerId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Currency { get; set; } = "";
    public string OpenedBy { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }

    public List<int> Answers { get; set; } = [];
    public InvestmentGoal Goal { get; set; }
    public int HorizonYears { get; set; }
    /// <summary>Stored under its first name, "RiskLevel", so portfolios written before the type was renamed still read.</summary>
    [JsonPropertyName("RiskLevel")]
    public InvestorRiskClass RiskClass { get; set; }
    public DateTimeOffset AssessedAt { get; set; }
    public Dictionary<string, decimal> Targets { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Units { get; set; } = new(StringComparer.Ordinal);
    public decimal Cash { get; set; }

    /// <summary>Subscriptions minus redemptions paid out.</summary>
    public decimal NetInvested { get; set; }

    /// <summary>Every change of holdings, oldest first: the valuation history is rebuilt from these and the NAVs.</summary>
    public List<HoldingsChangeRecord> Changes { get; set; } = [];

    /// <summary>Subscriptions and redemptions by order id: the idempotency record and the write-ahead log of orders.</summary>
    public Dictionary<string, OrderRecord> Orders { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Products the portfolio has ever held.</summary>
    public HashSet<string> PreviouslyHeld { get; set; } = new(StringComparer.Ordinal);

    public DateTimeOffset? LastRebalancedAt { get; set; }
    public int RebalanceCount { get; set; }
}

public sealed class HoldingsChangeRecord
{
    public DateOnly Date { get; set; }
    public Dictionary<string, decimal> Units { get; set; } = new(StringComparer.Ordinal);
    public decimal Cash { get; set; }
    public decimal Flow { get; set; }
    public string Cause { get; set; } = "";
}

public enum OrderKind
{
    Subscription = 0,
    Redemption = 1,
}

public enum OrderStatus
{
    /// <summary>Written before money moves; finished by the pending-movement reminder, a retry, the next order or the next tick.</summary>
    Pending = 0,
    Completed = 1,
    Declined = 2,
}

public sealed class OrderRecord
{
    public string Id { get; set; } = "";
    public OrderKind Kind { get; set; }
    public string RequestHash { get; set; } = "";
    public string InitiatedBy { get; set; } = "";
    public OrderStatus Status { get; set; }
    public string? DeclineReason { get; set; }
    public decimal Amount { get; set; }
    public string? ProductId { get; set; }
    public List<TradeRecord> Trades { get; set; } = [];
    public DateOnly NavDate { get; set; }
    public DateTimeOffset At { get; set; }
}

public sealed class TradeRecord
{
    public string ProductId { get; set; } = "";
    public TradeSide Side { get; set; }
    public decimal Units { get; set; }
    public decimal Nav { get; set; }
    public decimal Amount { get; set; }
}
