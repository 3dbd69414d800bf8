namespace Orleans.Fin.Api.Contracts;

/// <summary>Opens a portfolio: the account it invests from and the risk questionnaire (five answers 1–5, goal, horizon).</summary>
public sealed record PortfolioRequest(string? CustomerId, string? AccountId, IReadOnlyList<int>? Answers, string? Goal, int? HorizonYears);

/// <summary>A new risk questionnaire for an existing portfolio (needed once the last one is a year old).</summary>
public sealed record AssessmentRequest(IReadOnlyList<int>? Answers, string? Goal, int? HorizonYears);

/// <summary>Buys for <c>amount</c>: one product, or along the target allocation when <c>productId</c> is omitted.</summary>
public sealed record SubscriptionRequest(decimal? Amount, string? ProductId);

public sealed record RedemptionRequest(decimal? Amount);
