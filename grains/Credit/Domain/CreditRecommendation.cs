namespace Orleans.Fin.Credit.Domain;

/// <summary>What the model's cut-off says; the decision itself for small loans, advice to the operator above the threshold.</summary>
public enum CreditRecommendation
{
    Approve,
    Reject,
}
