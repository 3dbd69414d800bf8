namespace Orleans.Fin.Wealth.Domain;

/// <summary>A product's risk grade, from R1 (lowest risk) to R5 (highest risk).</summary>
public enum RiskGrade
{
    R1 = 1,
    R2 = 2,
    R3 = 3,
    R4 = 4,
    R5 = 5,
}
