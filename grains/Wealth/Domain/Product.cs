namespace Orleans.Fin.Wealth.Domain;

/// <summary>A fund on sale: its id, display name, asset class (which prices it) and risk grade.</summary>
public sealed record Product(string Id, string Name, AssetClass AssetClass, RiskGrade RiskGrade);
