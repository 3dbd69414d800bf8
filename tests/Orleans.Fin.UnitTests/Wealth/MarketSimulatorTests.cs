using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class MarketSimulatorTests
{
    [Fact]
    public void Path_SameSeed_SamePath()
    {
        var first = MarketSimulator.Path(42, 250);
        var second = MarketSimulator.Path(42, 250);

        Assert.Equal(251, first.Count);
        for (var day = 0; day < first.Count; day++)
        {
            Assert.Equal(first[day], second[day]);
        }
    }

    [Fact]
    public void Path_DifferentSeed_DiffersForEveryRiskyClass()
    {
        var a = MarketSimulator.Path(1, 30)[^1];
        var b = MarketSimulator.Path(2, 30)[^1];

        Assert.NotEqual(a[AssetClass.EquityIndex], b[AssetClass.EquityIndex]);
        Assert.NotEqual(a[AssetClass.Gold], b[AssetClass.Gold]);
    }

    [Fact]
    public void Advance_StartsAtOneAndReportsFourDecimals()
    {
        var market = new MarketSimulator(7);
        Assert.All(market.Navs.Values, nav => Assert.Equal(MarketSimulator.StartNav, nav));

        for (var d = 0; d < 100; d++)
        {
            market.Advance();
        }

        Assert.Equal(100, market.Day);
        Assert.All(market.Navs.Values, nav =>
        {
            Assert.True(nav > 0);
            Assert.Equal(decimal.Round(nav, 4), nav);
        });
    }

    [Fact]
    public void Path_EquityClasses_MoveTogetherAndAreMoreVolatileThanMoneyMarket()
    {
        var path = MarketSimulator.Path(2026, 1_000);
        var index = path.Select(p => p[AssetClass.EquityIndex]).ToList();
        var sector = path.Select(p => p[AssetClass.SectorEquity]).ToList();
        var money = path.Select(p => p[AssetClass.MoneyMarket]).ToList();

        var correlation = Pearson(PortfolioAnalytics.DailyReturns(index), PortfolioAnalytics.DailyReturns(sector));

        Assert.InRange(correlation, 0.55, 0.85); // configured ρ = 0.9 · 0.8 = 0.72
        Assert.True(PortfolioAnalytics.AnnualisedVolatility(index) > 10 * PortfolioAnalytics.AnnualisedVolatility(money));
        Assert.Equal(0.72, MarketSimulator.Correlation(AssetClass.EquityIndex, AssetClass.SectorEquity), 10);
    }

    private static double Pearson(IReadOnlyList<decimal> x, IReadOnlyList<decimal> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var cov = x.Zip(y, (a, b) => (double)((a - mx) * (b - my))).Sum();
        var vx = x.Sum(a => (double)((a - mx) * (a - mx)));
        var vy = y.Sum(b => (double)((b - my) * (b - my)));
        return cov / Math.Sqrt(vx * vy);
    }
}
