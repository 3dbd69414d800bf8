namespace Orleans.Fin.Wealth.Domain;

/// <summary>What the customer invests for; Preservation lowers the risk level by one.</summary>
public enum InvestmentGoal
{
    Preservation,
    Income,
    Growth,
    Retirement,
}
