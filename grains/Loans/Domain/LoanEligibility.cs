using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Loans.Domain;

/// <summary>
/// The conditions an applicant must meet whatever the model says: KYC verified, the account not frozen, the customer's
/// risk level not High. An application that fails one is Rejected with the failed conditions as its first reasons;
/// it is still scored, so every application has a probability of default.
/// </summary>
public static class LoanEligibility
{
    public const string KycNotVerified = "KycNotVerified";
    public const string AccountFrozen = "AccountFrozen";
    public const string HighRisk = "HighRiskCustomer";

    /// <summary>The failed conditions, in a fixed order; empty when the applicant is eligible.</summary>
    public static IReadOnlyList<string> Refusals(bool kycVerified, bool accountFrozen, bool highRisk)
    {
        var refusals = new List<string>(3);
        if (!kycVerified)
        {
            refusals.Add(KycNotVerified);
        }

        if (accountFrozen)
        {
            refusals.Add(AccountFrozen);
        }

        if (highRisk)
        {
            refusals.Add(HighRisk);
        }

        return refusals;
    }

    /// <summary>The model's decision, or a rejection (no rate, refusals first) when a condition failed.</summary>
    public static CreditDecision Decide(CreditAssessment assessment, decimal amount, CreditOptions options, IReadOnlyList<string> refusals)
    {
        ArgumentNullException.ThrowIfNull(refusals);
        var decision = CreditDecisionPolicy.Decide(assessment, amount, options);
        return refusals.Count == 0
            ? decision
            : decision with { Outcome = CreditOutcome.Rejected, AnnualRate = null, Reasons = [.. refusals, .. decision.Reasons] };
    }

    /// <summary>Age in whole years on <paramref name="asOf"/> (a birthday counts from its day).</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly asOf)
    {
        var age = asOf.Year - birthDate.Year;
        return birthDate.AddYears(age) > asOf ? age - 1 : age;
    }
}
