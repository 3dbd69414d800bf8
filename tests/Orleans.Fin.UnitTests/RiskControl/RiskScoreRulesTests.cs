using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Control;

namespace Orleans.Fin.UnitTests.RiskControl;

public sealed class RiskScoreRulesTests
{
    private static readonly DateTimeOffset Then = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    [Theory]
    [InlineData(0, 80)]
    [InlineData(7, 40)]
    [InlineData(14, 20)]
    public void Decay_HalvesEveryHalfLife(int days, int expected) =>
        Assert.Equal(expected, RiskScoreRules.Decay(80, Then, Then.AddDays(days), Week));

    [Fact]
    public void AfterVerdict_KeepsTheWorseOfTheFadedScoreAndTheVerdict()
    {
        Assert.Equal(70, RiskScoreRules.AfterVerdict(70, Then, 10, Then, Week));
        Assert.Equal(35, RiskScoreRules.AfterVerdict(70, Then, 10, Then.AddDays(7), Week));
        Assert.Equal(90, RiskScoreRules.AfterVerdict(70, Then, 90, Then, Week));
    }

    [Fact]
    public void AfterSignal_AddsTheBoostUpToTheMaximum()
    {
        Assert.Equal(45, RiskScoreRules.AfterSignal(20, Then, 25, Then, Week));
        Assert.Equal(100, RiskScoreRules.AfterSignal(90, Then, 70, Then, Week));
    }

    [Theory]
    [InlineData(95, 23)]
    [InlineData(200, 39)]
    [InlineData(8, 2)]
    public void AfterFalsePositive_IsAQuarterAndBelowMedium(int score, int expected) =>
        Assert.Equal(expected, RiskScoreRules.AfterFalsePositive(score, 40));

    [Theory]
    [InlineData(39, false, RiskLevel.Low)]
    [InlineData(40, false, RiskLevel.Medium)]
    [InlineData(69, false, RiskLevel.Medium)]
    [InlineData(70, false, RiskLevel.High)]
    [InlineData(0, true, RiskLevel.High)]
    public void LevelOf_UsesTheThresholds_AndAnOpenCaseIsHigh(int score, bool openCase, RiskLevel expected) =>
        Assert.Equal(expected, RiskScoreRules.LevelOf(score, 40, 70, openCase));
}
