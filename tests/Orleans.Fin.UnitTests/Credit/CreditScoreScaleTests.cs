using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.UnitTests.Credit;

public sealed class CreditScoreScaleTests
{
    private static readonly CreditScoreScale Scale = CreditScoreScale.Default;

    [Fact]
    public void Score_BaseOddsOf50To1_IsTheBaseScore()
    {
        Assert.Equal(600, Scale.Score(1 / 51.0));
        Assert.Equal(600, Scale.RawScore(1 / 51.0), 9);
    }

    [Theory]
    [InlineData(50.0)]
    [InlineData(2.0)]
    [InlineData(0.5)]
    public void RawScore_DoublingTheOdds_AddsThePointsToDoubleTheOdds(double odds)
    {
        static double Pd(double goodToBad) => 1 / (1 + goodToBad);

        Assert.Equal(20, Scale.RawScore(Pd(odds * 2)) - Scale.RawScore(Pd(odds)), 9);
    }

    [Fact]
    public void Factor_And_Offset_FollowFromTheDefinition()
    {
        Assert.Equal(20 / Math.Log(2), Scale.Factor, 12);
        Assert.Equal(600 - 20 / Math.Log(2) * Math.Log(50), Scale.Offset, 9);
    }

    [Theory]
    [InlineData(0.0, 850)]
    [InlineData(1e-12, 850)]
    [InlineData(1.0, 300)]
    [InlineData(0.9999, 300)]
    public void Score_ExtremePds_AreClampedToTheRange(double pd, int expected)
    {
        Assert.Equal(expected, Scale.Score(pd));
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Score_NotAProbability_Throws(double pd)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scale.Score(pd));
    }

    [Fact]
    public void ProbabilityOfDefault_InvertsTheRawScore()
    {
        Assert.Equal(1 / 51.0, Scale.ProbabilityOfDefault(600), 12);
        Assert.Equal(0.3, Scale.ProbabilityOfDefault(Scale.RawScore(0.3)), 12);
    }

    [Property(MaxTest = 500)]
    public Property Score_HigherPd_NeverScoresHigher() =>
        Prop.ForAll(Gen.Choose(0, 1_000_000).Two().ToArbitrary(), pair =>
        {
            var low = Math.Min(pair.Item1, pair.Item2) / 1_000_000.0;
            var high = Math.Max(pair.Item1, pair.Item2) / 1_000_000.0;
            return (Scale.Score(high) <= Scale.Score(low)).Label($"score({high}) <= score({low})")
                .And((low == high || Scale.RawScore(high) < Scale.RawScore(low)).Label("the raw score strictly falls"));
        });
}
