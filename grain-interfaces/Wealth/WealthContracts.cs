namespace Orleans.Fin.Wealth;

/// <summary>A fund on sale with its latest NAV. Grades are "R1".."R5".</summary>
[GenerateSerializer, Immutable, Alias("fin.ProductView")]
public sealed record ProductView(string Id, string Name, string AssetClass, string RiskGrade, decimal Nav, DateOnly NavDate);

/// <summary>One day's NAV of a product.</summary>
[GenerateSerializer, Immutable, Alias("fin.NavPoint")]
public sealed record NavPoint(DateOnly Date, decimal Nav);

/// <summary>The five answers (1..5 each), the goal and the horizon of the risk questionnaire.</summary>
[GenerateSerializer, Immutable, Alias("fin.RiskAnswers")]
public sealed record RiskAnswers(IReadOnlyList<int> Answers, string Goal, int HorizonYears);

/// <summary>
/// A customer's risk assessment: the questionnaire and the level it gave ("C1".."C5"). The newest one is the customer's
/// level for every portfolio they hold.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.InvestorAssessment")]
public sealed record InvestorAssessment(IReadOnlyList<int> Answers, string Goal, int HorizonYears, string RiskLevel, DateTimeOffset AssessedAt);

[GenerateSerializer, Immutable, Alias("fin.PortfolioOpening")]
public sealed record PortfolioOpening(string CustomerId, string AccountId, RiskAnswers Assessment, string OpenedBy);

[GenerateSerializer, Immutable, Alias("fin.AllocationView")]
public sealed record AllocationView(string ProductId, decimal Weight);

[GenerateSerializer, Immutable, Alias("fin.HoldingView")]
public sealed record HoldingView(
    string ProductId, string Name, string RiskGrade, decimal Units, decimal Nav, decimal Value, decimal Weight, decimal TargetWeight);

/// <summary>A portfolio valued at the latest NAVs. Ratios are fractions; risk levels are "C1".."C5".</summary>
[GenerateSerializer, Immutable, Alias("fin.PortfolioView")]
public sealed record PortfolioView(
    string Id,
    string CustomerId,
    string AccountId,
    string Currency,
    string RiskLevel,
    string Goal,
    int HorizonYears,
    DateTimeOffset AssessedAt,
    DateTimeOffset AssessmentExpiresAt,
    bool AssessmentExpired,
    IReadOnlyList<AllocationView> TargetAllocation,
    IReadOnlyList<HoldingView> Holdings,
    decimal Cash,
    decimal MarketValue,
    decimal NetInvested,
    decimal TotalReturn,
    decimal Volatility,
    decimal MaxDrawdown,
    decimal Drift,
    DateTimeOffset? LastRebalancedAt,
    DateOnly NavDate,
    DateTimeOffset OpenedAt);

/// <summary>
/// A subscription or redemption. <paramref name="OrderId"/> is also the id of its money movement (derived from the caller
/// and the Idempotency-Key); <paramref name="RequestHash"/> tells a replay from another body under the same key.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.FundOrder")]
public sealed record FundOrder(string OrderId, string RequestHash, decimal Amount, string? ProductId, string InitiatedBy);

[GenerateSerializer, Immutable, Alias("fin.TradeView")]
public sealed record TradeView(string ProductId, string Side, decimal Units, decimal Nav, decimal Amount);

/// <summary>
/// The outcome of an order: Completed, or Declined with the ledger's reason (for example InsufficientFunds) and nothing
/// changed. <paramref name="Kind"/> is Subscription or Redemption.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.FundOrderResult")]
public sealed record FundOrderResult(
    string Id,
    string PortfolioId,
    string Kind,
    string Status,
    string? DeclineReason,
    decimal Amount,
    string? ProductId,
    IReadOnlyList<TradeView> Trades,
    DateOnly NavDate,
    DateTimeOffset At,
    PortfolioView Portfolio);

/// <summary>A rebalance check: the drift before and after, and the trades when the portfolio was brought back to target.</summary>
[GenerateSerializer, Immutable, Alias("fin.RebalanceOutcome")]
public sealed record RebalanceOutcome(
    string PortfolioId,
    string Trigger,
    bool Rebalanced,
    string? SkippedBecause,
    decimal DriftBefore,
    decimal DriftAfter,
    IReadOnlyList<TradeView> Trades,
    DateOnly NavDate,
    DateTimeOffset At);

[GenerateSerializer, Immutable, Alias("fin.RecommendationView")]
public sealed record RecommendationView(
    string ProductId,
    string Name,
    string AssetClass,
    string RiskGrade,
    decimal CurrentWeight,
    decimal TargetWeight,
    decimal Gap,
    decimal SuggestedAmount,
    bool PreviouslyHeld,
    string Reason);

/// <summary>A portfolio's daily closing value and unit-value index, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("fin.ValuationView")]
public sealed record ValuationView(DateOnly Date, decimal Value, decimal Index);

/// <summary>What a sweep of every portfolio did.</summary>
[GenerateSerializer, Immutable, Alias("fin.RebalanceSweep")]
public sealed record RebalanceSweep(int Portfolios, int Checked, int Rebalanced, int Failed, TimeSpan Elapsed);
