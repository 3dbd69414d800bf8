using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class PortfolioAnalyticsTests
{
    // Daily returns +10%, −10%, 0%, +10%: the peak 110 falls to 99 (drawdown 11/110 = 10%).
    private static readonly decimal[] History = [100m, 110m, 99m, 99m, 108.9m];

    [Fact]
    public void TotalReturn_FiveDaySeries_IsLastOverFirstMinusOne() =>
        Assert.Equal(0.089m, PortfolioAnalytics.TotalReturn(History));

    [Fact]
    public void MaxDrawdown_FiveDaySeries_IsTenPercent() =>
        Assert.Equal(0.1m, PortfolioAnalytics.MaxDrawdown(History));

    [Fact]
    public void AnnualisedVolatility_FiveDaySeries_MatchesHandComputed()
    {
        // mean 0.025; squared deviations sum to 0.0275; sample variance 0.0275 / 3; × 252 → √2.31 = 1.519868…
        Assert.Equal(1.519868, (double)PortfolioAnalytics.AnnualisedVolatility(History), 6);
    }

    [Fact]
    public void Measures_RisingSeries_NoDrawdownAndNoVolatilityForConstantReturns()
    {
        decimal[] rising = [100m, 101m, 102.01m, 103.0301m];

        Assert.Equal(0m, PortfolioAnalytics.MaxDrawdown(rising));
        Assert.Equal(0m, PortfolioAnalytics.AnnualisedVolatility(rising));
    }

    [Fact]
    public void Measures_SinglePoint_AreZero()
    {
        Assert.Equal(0m, PortfolioAnalytics.TotalReturn([100m]));
        Assert.Equal(0m, PortfolioAnalytics.AnnualisedVolatility([100m]));
        Assert.Equal(0m, PortfolioAnalytics.MaxDrawdown([100m]));
    }

    [Fact]
    public void TotalReturn_NonPositiveValue_Throws() =>
        Assert.Throws<ArgumentException>(() => PortfolioAnalytics.TotalReturn([100m, 0m]));

    [Fact]
    public void MarketValueWeightsDrift_TwoHoldingsAndCash_HandComputed()
    {
        var units = new Dictionary<string, decimal> { ["A"] = 100m, ["B"] = 50m };
        var navs = new Dictionary<string, decimal> { ["A"] = 1.5m, ["B"] = 2m };
        var targets = new Dictionary<string, decimal> { ["A"] = 0.5m, ["B"] = 0.5m };

        var weights = PortfolioAnalytics.Weights(units, navs, cash: 50m);

        Assert.Equal(300m, PortfolioAnalytics.MarketValue(units, navs, 50m));
        Assert.Equal(0.5m, weights["A"]);
        Assert.Equal(100m / 300m, weights["B"]);
        Assert.Equal(0.5m - (100m / 300m), PortfolioAnalytics.Drift(weights, targets));
    }

    [Fact]
    public void MarketValue_HoldingsWithSubCentValues_SumsEachHoldingRoundedToTheCent()
    {
        // 1.004 + 1.004: each holding is worth 1.00 when sold, so the portfolio is 2.00 + cash, not round(2.008) = 2.01.
        var units = new Dictionary<string, decimal> { ["A"] = 1.004m, ["B"] = 0.4016m };
        var navs = new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 2.5m };

        var marketValue = PortfolioAnalytics.MarketValue(units, navs, cash: 10m);

        Assert.Equal(12.00m, marketValue);
        Assert.NotEqual(decimal.Round(10m + PortfolioAnalytics.HoldingValues(units, navs).Values.Sum(), 2), marketValue);
        Assert.Equal(10m + units.Sum(u => FundOrders.Proceeds(u.Value, navs[u.Key])), marketValue);
    }

    [Fact]
    public void Drift_HoldingWithoutTarget_CountsItsWholeWeight()
    {
        var weights = new Dictionary<string, decimal> { ["A"] = 0.8m, ["X"] = 0.2m };
        var targets = new Dictionary<string, decimal> { ["A"] = 0.9m, ["B"] = 0.1m };

        Assert.Equal(0.2m, PortfolioAnalytics.Drift(weights, targets));
    }
}
