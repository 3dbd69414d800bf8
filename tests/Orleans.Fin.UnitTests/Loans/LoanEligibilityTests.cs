using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Domain;
using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class LoanEligibilityTests
{
    private static readonly CreditOptions Options = new() { SmallLoanThreshold = 2000m };
    private static readonly CreditAssessment Good = new(0.05, 700, ["Seniority"], "credit-test");

    [Fact]
    public void Refusals_EveryConditionFails_ListsAllInOrder()
    {
        Assert.Equal(
            [LoanEligibility.KycNotVerified, LoanEligibility.AccountFrozen, LoanEligibility.HighRisk],
            LoanEligibility.Refusals(kycVerified: false, accountFrozen: true, highRisk: true));
        Assert.Empty(LoanEligibility.Refusals(kycVerified: true, accountFrozen: false, highRisk: false));
    }

    [Fact]
    public void Decide_Eligible_IsThePolicyDecision()
    {
        var decision = LoanEligibility.Decide(Good, 500m, Options, []);

        var policy = CreditDecisionPolicy.Decide(Good, 500m, Options);
        Assert.Equal(policy with { Reasons = [] }, decision with { Reasons = [] });
        Assert.Equal(policy.Reasons, decision.Reasons);
    }

    [Fact]
    public void Decide_RefusedAboveThreshold_RejectedWithoutRateRefusalsFirstAndScoreKept()
    {
        var decision = LoanEligibility.Decide(Good, 5000m, Options, [LoanEligibility.AccountFrozen]);

        Assert.Equal(CreditOutcome.Rejected, decision.Outcome);
        Assert.Null(decision.AnnualRate);
        Assert.Equal([LoanEligibility.AccountFrozen, "Seniority"], decision.Reasons);
        Assert.Equal(0.05, decision.ProbabilityOfDefault);
        Assert.Equal("credit-test", decision.ModelVersion);
    }

    [Theory]
    [InlineData("1990-06-15", "2026-06-14", 35)]
    [InlineData("1990-06-15", "2026-06-15", 36)]
    [InlineData("2000-02-29", "2026-02-27", 25)]
    [InlineData("2000-02-29", "2026-02-28", 26)] // a 29 February birthday counts from 28 February in common years
    public void AgeOn_AroundBirthdays_CountsWholeYears(string birth, string asOf, int expected) =>
        Assert.Equal(expected, LoanEligibility.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(asOf, System.Globalization.CultureInfo.InvariantCulture)));
}
