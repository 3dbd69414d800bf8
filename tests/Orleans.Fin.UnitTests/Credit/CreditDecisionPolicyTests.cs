using Orleans.Fin.Credit;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditDecisionPolicyTests
{
    private static readonly CreditOptions Options = new() { SmallLoanThreshold = 20_000m, ApproveMaxPd = 0.30, MaxReasons = 3 };

    private static CreditAssessment Assessment(double pd) =>
        new(pd, CreditScoreScale.Default.Score(pd), ["PAST_DEFAULT_RECORDS", "SHORT_EMPLOYMENT", "LOW_ASSETS", "LONG_TERM"], "credit-test-1");

    [Theory]
    [InlineData(5_000, 0.10, CreditOutcome.Approved, CreditRecommendation.Approve)]
    [InlineData(5_000, 0.45, CreditOutcome.Rejected, CreditRecommendation.Reject)]
    [InlineData(20_000, 0.30, CreditOutcome.Approved, CreditRecommendation.Approve)]
    [InlineData(20_000, 0.3001, CreditOutcome.Rejected, CreditRecommendation.Reject)]
    [InlineData(20_000.01, 0.10, CreditOutcome.ManualReview, CreditRecommendation.Approve)]
    [InlineData(50_000, 0.45, CreditOutcome.ManualReview, CreditRecommendation.Reject)]
    public void Decide_AmountAndPd_GiveTheOutcomeOfTheMatrix(double amount, double pd, CreditOutcome outcome, CreditRecommendation recommendation)
    {
        var decision = CreditDecisionPolicy.Decide(Assessment(pd), (decimal)amount, Options);

        Assert.Equal(outcome, decision.Outcome);
        Assert.Equal(recommendation, decision.Recommendation);
        Assert.Equal(outcome != CreditOutcome.ManualReview, decision.Automatic);
    }

    [Fact]
    public void Decide_Approved_CarriesTheRateOfThePdBand()
    {
        var decision = CreditDecisionPolicy.Decide(Assessment(0.12), 1_000m, Options);

        Assert.Equal(0.139m, decision.AnnualRate);
    }

    [Fact]
    public void Decide_Rejected_HasNoRate()
    {
        var decision = CreditDecisionPolicy.Decide(Assessment(0.6), 1_000m, Options);

        Assert.Null(decision.AnnualRate);
    }

    [Fact]
    public void Decide_ManualReview_ProposesTheRateEvenWhenRecommendingRejection()
    {
        var decision = CreditDecisionPolicy.Decide(Assessment(0.6), 30_000m, Options);

        Assert.Equal(0.239m, decision.AnnualRate);
    }

    [Fact]
    public void Decide_AnyOutcome_CarriesPdScoreVersionAndAtMostMaxReasons()
    {
        var assessment = Assessment(0.6);

        var decision = CreditDecisionPolicy.Decide(assessment, 30_000m, Options);

        Assert.Equal(0.6, decision.ProbabilityOfDefault);
        Assert.Equal(assessment.CreditScore, decision.CreditScore);
        Assert.Equal("credit-test-1", decision.ModelVersion);
        Assert.Equal(["PAST_DEFAULT_RECORDS", "SHORT_EMPLOYMENT", "LOW_ASSETS"], decision.Reasons);
    }

    [Fact]
    public void Decide_StricterCutOff_RejectsWhatTheDefaultApproves()
    {
        var strict = new CreditOptions { ApproveMaxPd = 0.10 };

        Assert.Equal(CreditOutcome.Approved, CreditDecisionPolicy.Decide(Assessment(0.2), 1_000m, new CreditOptions()).Outcome);
        Assert.Equal(CreditOutcome.Rejected, CreditDecisionPolicy.Decide(Assessment(0.2), 1_000m, strict).Outcome);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Decide_NonPositiveAmount_Throws(int amount)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CreditDecisionPolicy.Decide(Assessment(0.1), amount, Options));
    }
}
