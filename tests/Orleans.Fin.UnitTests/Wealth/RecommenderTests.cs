using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class RecommenderTests
{
    private static readonly HashSet<string> NeverHeld = [];

    [Theory]
    [InlineData(InvestorRiskClass.C1)]
    [InlineData(InvestorRiskClass.C2)]
    [InlineData(InvestorRiskClass.C3)]
    [InlineData(InvestorRiskClass.C4)]
    [InlineData(InvestorRiskClass.C5)]
    public void Rank_TargetsAndHoldingsAboveTheLevel_NeverRecommendsAProductAboveIt(InvestorRiskClass level)
    {
        // The most aggressive targets and a portfolio holding every product: nothing above the level may appear.
        var weights = ProductCatalogue.All.ToDictionary(p => p.Id, _ => 0.1m);
        var held = ProductCatalogue.All.Select(p => p.Id).ToHashSet();

        var ranked = Recommender.Rank(level, ModelPortfolios.TargetFor(InvestorRiskClass.C5), weights, 10_000m, held);

        Assert.All(ranked, r => Assert.True((int)r.Product.RiskGrade <= (int)level, $"{r.Product.Id} is above {level}"));
        Assert.Equal(ProductCatalogue.SuitableFor(level).Select(p => p.Id).Order(), ranked.Select(r => r.Product.Id).Order());
    }

    [Fact]
    public void Rank_UnderweightProducts_ComeFirstLargestGapFirst()
    {
        // C3 targets MMF .10 / SBD .20 / BND .25 / BAL .30 / GLD .15; gaps 0 / .15 / .05 / .20 / 0.
        var weights = Weights((ProductCatalogue.MoneyMarket, 0.10m), (ProductCatalogue.ShortBond, 0.05m),
            (ProductCatalogue.Bond, 0.20m), (ProductCatalogue.Balanced, 0.10m), (ProductCatalogue.Gold, 0.15m));

        var ranked = Recommender.Rank(InvestorRiskClass.C3, ModelPortfolios.TargetFor(InvestorRiskClass.C3), weights, 10_000m, NeverHeld);

        Assert.Equal(
            [ProductCatalogue.Balanced, ProductCatalogue.ShortBond, ProductCatalogue.Bond],
            ranked.Take(3).Select(r => r.Product.Id));
        Assert.Equal([0.20m, 0.15m, 0.05m], ranked.Take(3).Select(r => r.Gap));
        Assert.All(ranked.Skip(3), r => Assert.True(r.Gap <= 0));
    }

    [Fact]
    public void Rank_EqualGaps_PreviouslyHeldFirst()
    {
        // C2 targets MMF .20 / SBD .40 / BND .40; both bond funds are .10 short, and only SBD was held before.
        var weights = Weights((ProductCatalogue.MoneyMarket, 0.20m), (ProductCatalogue.ShortBond, 0.30m), (ProductCatalogue.Bond, 0.30m));
        HashSet<string> held = [ProductCatalogue.ShortBond];

        var ranked = Recommender.Rank(InvestorRiskClass.C2, ModelPortfolios.TargetFor(InvestorRiskClass.C2), weights, 10_000m, held);

        Assert.Equal([ProductCatalogue.ShortBond, ProductCatalogue.Bond], ranked.Take(2).Select(r => r.Product.Id));
        Assert.True(ranked[0].PreviouslyHeld);
        Assert.False(ranked[1].PreviouslyHeld);
    }

    [Fact]
    public void Rank_SuggestedAmount_IsGapTimesMarketValueRoundedDownToCents()
    {
        // C2 targets MMF .20 / SBD .40 / BND .40; gaps .20 / .15 / .05 of 10,000.05: 2,000.01 exactly,
        // 1,500.0075 → 1,500.00 (to nearest would be 1,500.01), 500.0025 → 500.00.
        var weights = Weights((ProductCatalogue.ShortBond, 0.25m), (ProductCatalogue.Bond, 0.35m));

        var ranked = Recommender.Rank(InvestorRiskClass.C2, ModelPortfolios.TargetFor(InvestorRiskClass.C2), weights, 10_000.05m, NeverHeld)
            .ToDictionary(r => r.Product.Id, r => r.SuggestedAmount);

        Assert.Equal(2_000.01m, ranked[ProductCatalogue.MoneyMarket]);
        Assert.Equal(1_500.00m, ranked[ProductCatalogue.ShortBond]);
        Assert.Equal(500.00m, ranked[ProductCatalogue.Bond]);
    }

    [Fact]
    public void Rank_ProductsOutsideTheTarget_ListedAfterWithNothingSuggested()
    {
        // A C4 customer on the C3 model holding some of the C4-only index fund: IDX-300 and OVS-01 are not in the model.
        var weights = Weights((ProductCatalogue.Csi300Index, 0.30m));

        var ranked = Recommender.Rank(InvestorRiskClass.C4, ModelPortfolios.TargetFor(InvestorRiskClass.C3), weights, 10_000m, NeverHeld);

        Assert.Equal(
            [ProductCatalogue.Csi300Index, ProductCatalogue.OverseasEquity],
            ranked.Skip(5).Select(r => r.Product.Id).Order());
        Assert.All(ranked.Take(5), r => Assert.True(r.Gap > 0));
        Assert.All(ranked.Skip(5), r =>
        {
            Assert.Equal(0m, r.TargetWeight);
            Assert.Equal(0m, r.SuggestedAmount);
        });
    }

    private static Dictionary<string, decimal> Weights(params (string Id, decimal Weight)[] weights) =>
        weights.ToDictionary(w => w.Id, w => w.Weight, StringComparer.Ordinal);
}
