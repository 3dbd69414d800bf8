namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// A decision with everything it rests on: the outcome, the cut-off's recommendation, the annual rate of the PD band
/// (null when rejected; proposed when the application goes to review), the PD, the score, the reason codes and the
/// model version.
/// </summary>
public sealed record CreditDecision(
    CreditOutcome Outcome,
    CreditRecommendation Recommendation,
    decimal? AnnualRate,
    double ProbabilityOfDefault,
    int CreditScore,
    IReadOnlyList<string> Reasons,
    string ModelVersion)
{
    /// <summary>True when no operator is needed.</summary>
    public bool Automatic => Outcome != CreditOutcome.ManualReview;
}
