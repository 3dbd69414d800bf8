namespace Orleans.Fin.Wealth.Domain;

/// <summary>A portfolio's closing value on a trading day and its unit-value index (1 on the first invested day).</summary>
public sealed record ValuationPoint(DateOnly Date, decimal Value, decimal Index);
