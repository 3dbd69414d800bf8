namespace Orleans.Fin.Wealth.Domain;

/// <summary>A product is suitable when its grade is not above the customer's level (C1→R1 … C5→R5).</summary>
public static class Suitability
{
    public static bool IsSuitable(InvestorRiskClass level, RiskGrade grade) => (int)grade <= (int)level;

    public static bool IsSuitable(InvestorRiskClass level, Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return IsSuitable(level, product.RiskGrade);
    }
}
