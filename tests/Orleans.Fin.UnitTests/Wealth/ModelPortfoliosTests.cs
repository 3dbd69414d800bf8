using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class ModelPortfoliosTests
{
    public static TheoryData<InvestorRiskClass> Levels() => [.. Enum.GetValues<InvestorRiskClass>()];

    [Theory]
    [MemberData(nameof(Levels))]
    public void TargetFor_EveryLevel_SumsToExactlyOne(InvestorRiskClass level) =>
        Assert.Equal(1m, ModelPortfolios.TargetFor(level).Values.Sum());

    [Theory]
    [MemberData(nameof(Levels))]
    public void TargetFor_EveryLevel_OnlySuitablePositiveWeights(InvestorRiskClass level)
    {
        var target = ModelPortfolios.TargetFor(level);

        Assert.All(target, w =>
        {
            Assert.True(w.Value > 0);
            Assert.True(Suitability.IsSuitable(level, ProductCatalogue.Get(w.Key)), $"{w.Key} is above {level}");
        });
    }

    [Fact]
    public void TargetFor_HigherLevels_HoldMoreEquity()
    {
        static decimal Equity(InvestorRiskClass level) => ModelPortfolios.TargetFor(level)
            .Where(w => ProductCatalogue.Get(w.Key).RiskGrade >= RiskGrade.R4)
            .Sum(w => w.Value);

        Assert.Equal(0m, Equity(InvestorRiskClass.C3));
        Assert.True(Equity(InvestorRiskClass.C5) > Equity(InvestorRiskClass.C4));
    }

    [Fact]
    public void TargetFor_UnknownLevel_Throws() =>
        Assert.Throws<ArgumentException>(() => ModelPortfolios.TargetFor((InvestorRiskClass)9));
}
