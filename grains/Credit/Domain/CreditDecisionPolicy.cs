namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// Turns the model's assessment into a decision. The recommendation is Approve when the PD is at most the cut-off,
/// Reject otherwise. Amounts up to the small-loan threshold (inclusive) take the recommendation as the automatic
/// decision; larger amounts go to ManualReview carrying it. Approved and reviewed applications carry the annual rate
/// of their PD band. Pure: the same inputs give the same decision.
/// </summary>
public static class CreditDecisionPolicy
{
    public static CreditDecision Decide(CreditAssessment assessment, decimal amount, CreditOptions options)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        var pd = assessment.ProbabilityOfDefault;
        var recommendation = pd <= options.ApproveMaxPd ? CreditRecommendation.Approve : CreditRecommendation.Reject;
        var outcome = amount > options.SmallLoanThreshold
            ? CreditOutcome.ManualReview
            : recommendation == CreditRecommendation.Approve ? CreditOutcome.Approved : CreditOutcome.Rejected;
        decimal? rate = outcome == CreditOutcome.Rejected ? null : CreditPricing.AnnualRate(pd);
        var reasons = assessment.Reasons.Take(Math.Max(options.MaxReasons, 0)).ToArray();
        return new CreditDecision(outcome, recommendation, rate, pd, assessment.CreditScore, reasons, assessment.ModelVersion);
    }
}
