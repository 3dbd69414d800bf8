namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// An investor's risk class from the suitability questionnaire, from C1 (most conservative) to C5 (most aggressive):
/// what products may be sold to the customer. Not the fraud risk level of a customer (Customers.RiskLevel). On the wire
/// it is the field "riskLevel" with the values "C1"…"C5".
/// </summary>
public enum InvestorRiskClass
{
    C1 = 1,
    C2 = 2,
    C3 = 3,
    C4 = 4,
    C5 = 5,
}
