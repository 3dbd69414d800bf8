namespace Orleans.Fin.Credit.Domain;

/// <summary>The decision on an application.</summary>
public enum CreditOutcome
{
    Approved,
    Rejected,
    ManualReview,
}
