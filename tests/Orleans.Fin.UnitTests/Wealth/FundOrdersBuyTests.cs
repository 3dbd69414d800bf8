using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class FundOrdersBuyTests
{
    private static readonly Dictionary<string, decimal> Navs = new(StringComparer.Ordinal) { ["A"] = 1m, ["B"] = 2m, ["C"] = 0.5m };

    [Fact]
    public void BuyProduct_UnitsNotWhole_UnitsRoundedDownAmountExact()
    {
        // 1,000 / 1.5 = 666.66666…: rounding to nearest would give 666.6667 and cost 1,000.00005.
        var trade = Assert.Single(FundOrders.BuyProduct("X", 1_000m, new Dictionary<string, decimal> { ["X"] = 1.5m }));

        Assert.Equal(new Trade("X", TradeSide.Buy, 666.6666m, 1.5m, 1_000m), trade);
        Assert.True(trade.Units * trade.Nav <= trade.Amount);
    }

    [Fact]
    public void BuyProduct_AmountBelowOneTenThousandthOfAUnit_NoTrade() =>
        Assert.Empty(FundOrders.BuyProduct("X", 0.01m, new Dictionary<string, decimal> { ["X"] = 1_000m }));

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(10.001)]
    public void BuyProduct_AmountNotPositiveCents_Throws(double amount) =>
        Assert.Throws<ArgumentException>(() => FundOrders.BuyProduct("A", (decimal)amount, Navs));

    [Fact]
    public void BuyProduct_NoNavForProduct_Throws() =>
        Assert.Throws<ArgumentException>(() => FundOrders.BuyProduct("Z", 100m, Navs));

    [Fact]
    public void BuyTowardsTargets_OneProductOverweight_BuysOnlyUnderweightInProportionToGaps()
    {
        // Values A 1,200 / B 200 / C 200 plus 400 new: targets at 2,000 are 1,000 / 600 / 400, so A is over,
        // and the gaps B 400 and C 200 (more than the 400 to invest) share it 2:1, each rounded down to the cent.
        var holdings = HoldingsOfValues(1_200m, 200m, 200m);

        var trades = FundOrders.BuyTowardsTargets(holdings, Navs, RandomPortfolios.Targets, 400m);

        Assert.Equal(
            [new Trade("B", TradeSide.Buy, 133.33m, 2m, 266.66m), new Trade("C", TradeSide.Buy, 266.66m, 0.5m, 133.33m)],
            trades);
    }

    [Fact]
    public void BuyTowardsTargets_AmountEqualsTheGaps_ClosesEveryGap()
    {
        // Values 1,200 / 200 / 200 plus 1,000: targets at 2,600 are 1,300 / 780 / 520, gaps 100 / 580 / 320.
        var holdings = HoldingsOfValues(1_200m, 200m, 200m);

        var trades = FundOrders.BuyTowardsTargets(holdings, Navs, RandomPortfolios.Targets, 1_000m);
        var after = holdings.After(trades, cashIn: 1_000m);

        Assert.Equal([100m, 580m, 320m], trades.Select(t => t.Amount));
        Assert.Equal(0m, after.Cash);
        var weights = PortfolioAnalytics.Weights(after.Units, Navs, after.Cash);
        Assert.All(RandomPortfolios.Targets, t => Assert.Equal(t.Value, weights[t.Key]));
    }

    [Fact]
    public void BuyTowardsTargets_EmptyPortfolio_SplitsByTargetWeightRoundedDownToCents()
    {
        // 999.99 × 0.5 / 0.3 / 0.2 = 499.995 / 299.997 / 199.998: each rounded down, three cents stay uninvested.
        var trades = FundOrders.BuyTowardsTargets(Holdings.Empty, Navs, RandomPortfolios.Targets, 999.99m);

        Assert.Equal([499.99m, 299.99m, 199.99m], trades.Select(t => t.Amount));
        Assert.All(trades, t => Assert.Equal(TradeSide.Buy, t.Side));
    }

    [Property(MaxTest = 500)]
    public Property BuyTowardsTargets_AnyPortfolio_OnlyBuysAndSpendsTheAmountToWithinCents()
    {
        var cases = from p in RandomPortfolios.Portfolios
                    from cents in Gen.OneOf(Gen.Choose(1, 1_000), Gen.Choose(1, 100_000_000))
                    select (p.Holdings, p.Navs, Amount: cents / 100m);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var trades = FundOrders.BuyTowardsTargets(c.Holdings, c.Navs, RandomPortfolios.Targets, c.Amount);
            var spent = trades.Sum(t => t.Amount);
            var after = c.Holdings.After(trades, cashIn: c.Amount);
            return trades.All(t => t.Side == TradeSide.Buy && t.Units > 0 && t.Units * t.Nav <= t.Amount)
                && spent <= c.Amount
                && spent >= c.Amount - (0.01m * RandomPortfolios.Targets.Count)
                && after.Cash >= c.Holdings.Cash
                && after.Units.All(u => u.Value >= c.Holdings.Units.GetValueOrDefault(u.Key));
        });
    }

    private static Holdings HoldingsOfValues(decimal a, decimal b, decimal c) => new(
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["A"] = a / Navs["A"], ["B"] = b / Navs["B"], ["C"] = c / Navs["C"] },
        0m);
}
