using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class RiskQuestionnaireTests
{
    private static readonly DateTimeOffset AssessedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, InvestorRiskClass.C1)] // 5
    [InlineData(new[] { 2, 2, 2, 1, 1 }, InvestorRiskClass.C1)] // 8
    [InlineData(new[] { 2, 2, 2, 2, 1 }, InvestorRiskClass.C2)] // 9
    [InlineData(new[] { 3, 3, 2, 2, 2 }, InvestorRiskClass.C2)] // 12
    [InlineData(new[] { 3, 3, 3, 2, 2 }, InvestorRiskClass.C3)] // 13
    [InlineData(new[] { 4, 3, 3, 3, 3 }, InvestorRiskClass.C3)] // 16
    [InlineData(new[] { 4, 4, 3, 3, 3 }, InvestorRiskClass.C4)] // 17
    [InlineData(new[] { 4, 4, 4, 4, 4 }, InvestorRiskClass.C4)] // 20
    [InlineData(new[] { 5, 4, 4, 4, 4 }, InvestorRiskClass.C5)] // 21
    [InlineData(new[] { 5, 5, 5, 5, 5 }, InvestorRiskClass.C5)] // 25
    public void Assess_GrowthLongHorizon_MapsScoreBands(int[] answers, InvestorRiskClass expected) =>
        Assert.Equal(expected, RiskQuestionnaire.Assess(answers, InvestmentGoal.Growth, 10));

    [Theory]
    [InlineData(InvestmentGoal.Preservation, 10, InvestorRiskClass.C3)]
    [InlineData(InvestmentGoal.Growth, 1, InvestorRiskClass.C3)]
    [InlineData(InvestmentGoal.Preservation, 0, InvestorRiskClass.C3)]
    [InlineData(InvestmentGoal.Income, 2, InvestorRiskClass.C4)]
    [InlineData(InvestmentGoal.Retirement, 30, InvestorRiskClass.C4)]
    public void Assess_CautiousGoalOrShortHorizon_MovesOneLevelDown(InvestmentGoal goal, int horizon, InvestorRiskClass expected) =>
        Assert.Equal(expected, RiskQuestionnaire.Assess([4, 4, 4, 4, 4], goal, horizon));

    [Fact]
    public void Assess_LowestScoreAndPreservation_StaysAtC1() =>
        Assert.Equal(InvestorRiskClass.C1, RiskQuestionnaire.Assess([1, 1, 1, 1, 1], InvestmentGoal.Preservation, 0));

    [Theory]
    [InlineData(new[] { 3, 3, 3, 3 }, "5 answers")]
    [InlineData(new[] { 3, 3, 3, 3, 3, 3 }, "5 answers")]
    [InlineData(new[] { 3, 3, 0, 3, 3 }, "Answer 3 is 0")]
    [InlineData(new[] { 3, 3, 3, 3, 6 }, "Answer 5 is 6")]
    public void Assess_InvalidAnswers_ThrowsWithClearMessage(int[] answers, string expectedText)
    {
        var error = Assert.Throws<ArgumentException>(() => RiskQuestionnaire.Assess(answers, InvestmentGoal.Income, 5));

        Assert.Contains(expectedText, error.Message, StringComparison.Ordinal);
        Assert.Equal("answers", error.ParamName);
    }

    [Fact]
    public void Assess_NegativeHorizon_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => RiskQuestionnaire.Assess([3, 3, 3, 3, 3], InvestmentGoal.Income, -1));

        Assert.Equal("horizonYears", error.ParamName);
    }

    [Fact]
    public void Assess_UnknownGoal_Throws() =>
        Assert.Throws<ArgumentException>(() => RiskQuestionnaire.Assess([3, 3, 3, 3, 3], (InvestmentGoal)42, 5));

    [Fact]
    public void IsExpired_JustBeforeOneYear_IsFalse() =>
        Assert.False(RiskQuestionnaire.IsExpired(AssessedAt, AssessedAt.AddYears(1).AddTicks(-1)));

    [Fact]
    public void IsExpired_AtOneYear_IsTrue() =>
        Assert.True(RiskQuestionnaire.IsExpired(AssessedAt, AssessedAt.AddYears(1)));
}
