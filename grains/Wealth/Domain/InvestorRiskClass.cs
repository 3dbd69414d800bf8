namespace Orleans.Fin.Wealth.Domain;

/// <summary>A customer's risk tolerance, from C1 (most conservative) to C5 (most aggressive).</summary>
public enum RiskLevel
{
    C1 = 1,
    C2 = 2,
    C3 = 3,
    C4 = 4,
    C5 = 5,
}
