namespace Orleans.Fin.Credit.Domain;

/// <summary>A row of the pricing table: applications with a PD below <see cref="PdBelow"/> (and at or above the previous row's bound) pay <see cref="AnnualRate"/>.</summary>
public sealed record CreditPriceBand(string Band, double PdBelow, decimal AnnualRate);
