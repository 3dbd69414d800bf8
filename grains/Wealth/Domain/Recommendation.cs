namespace Orleans.Fin.Wealth.Domain;

/// <summary>A suitable product with how far the portfolio is from its target in it and what buying it would close.</summary>
public sealed record Recommendation(
    Product Product, decimal CurrentWeight, decimal TargetWeight, decimal Gap, decimal SuggestedAmount, bool PreviouslyHeld, string Reason);
