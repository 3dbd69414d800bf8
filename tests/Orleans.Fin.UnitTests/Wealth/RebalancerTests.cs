using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class RebalancerTests
{
    private const decimal Tolerance = 0.001m;
    private static readonly Dictionary<string, decimal> Navs = new() { ["A"] = 1.2345m, ["B"] = 2.5m, ["C"] = 0.9876m };
    private static readonly Dictionary<string, decimal> Targets = new() { ["A"] = 0.5m, ["B"] = 0.3m, ["C"] = 0.2m };

    [Fact]
    public void Plan_DriftWithinBand_NoTrades()
    {
        // Weights 0.52 / 0.29 / 0.19: drift 0.02 ≤ 0.05.
        var units = UnitsFor(5_200m, 2_900m, 1_900m);

        var plan = Rebalancer.Plan(units, Navs, 0m, Targets);

        Assert.False(plan.IsNeeded);
        Assert.Equal(0m, plan.CashAfter);
        Assert.True(plan.Drift <= Rebalancer.DefaultBand);
    }

    [Fact]
    public void Plan_Drifted_PostTradeWeightsWithinToleranceAndOnlyOverweightSold()
    {
        // Weights 0.70 / 0.20 / 0.10: A is over target, B and C under.
        var units = UnitsFor(7_000m, 2_000m, 1_000m);

        var plan = Rebalancer.Plan(units, Navs, 0m, Targets);

        Assert.True(plan.IsNeeded);
        Assert.InRange(plan.Drift, 0.1999m, 0.2001m); // units were rounded to 4 decimals
        Assert.Equal(["A"], plan.Trades.Where(t => t.Side == TradeSide.Sell).Select(t => t.ProductId));
        AssertAtTarget(Rebalancer.Apply(units, plan.Trades), plan.CashAfter);
        Assert.All(plan.Trades, t =>
        {
            Assert.Equal(decimal.Round(t.Units, 4), t.Units);
            Assert.Equal(decimal.Round(t.Amount, 2), t.Amount);
        });
    }

    [Fact]
    public void Plan_EnoughNewCash_BuysOnlyNoSell()
    {
        // Holdings 6,000 / 2,000 / 2,000 plus 10,000 new cash: every target (10,000 / 6,000 / 4,000) is above its holding.
        var units = UnitsFor(6_000m, 2_000m, 2_000m);

        var plan = Rebalancer.Plan(units, Navs, 10_000m, Targets);

        Assert.All(plan.Trades, t => Assert.Equal(TradeSide.Buy, t.Side));
        Assert.InRange(plan.CashAfter, 0m, 0.03m);
        AssertAtTarget(Rebalancer.Apply(units, plan.Trades), plan.CashAfter);
    }

    [Fact]
    public void Plan_HoldingWithoutTarget_IsSoldOut()
    {
        var units = new Dictionary<string, decimal>(UnitsFor(5_000m, 3_000m, 0m)) { ["C"] = 0m, ["X"] = 100m };
        var navs = new Dictionary<string, decimal>(Navs) { ["X"] = 20m };

        var plan = Rebalancer.Plan(units, navs, 0m, Targets);

        var sell = Assert.Single(plan.Trades, t => t.ProductId == "X");
        Assert.Equal(TradeSide.Sell, sell.Side);
        Assert.Equal(100m, sell.Units);
        Assert.False(Rebalancer.Apply(units, plan.Trades).ContainsKey("X"));
    }

    [Fact]
    public void Plan_MinimalTurnover_TradesExactlyTheGapsToTarget()
    {
        var units = UnitsFor(7_000m, 2_000m, 1_000m);

        var plan = Rebalancer.Plan(units, Navs, 0m, Targets);

        // Gaps: A −2,000, B +1,000, C +1,000 → turnover 4,000 (within rounding).
        Assert.InRange(plan.Trades.Sum(t => t.Amount), 3_999.95m, 4_000.05m);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void Plan_BandOutOfRange_Throws(double band) =>
        Assert.Throws<ArgumentException>(() => Rebalancer.Plan(UnitsFor(1m, 1m, 1m), Navs, 0m, Targets, (decimal)band));

    [Fact]
    public void Plan_TargetsNotSummingToOne_Throws() =>
        Assert.Throws<ArgumentException>(() => Rebalancer.Plan(
            UnitsFor(1m, 1m, 1m), Navs, 0m, new Dictionary<string, decimal> { ["A"] = 0.5m, ["B"] = 0.4m }));

    [Property(MaxTest = 300)]
    public Property Plan_AnyPortfolio_ConservesValueKeepsCashNonNegativeAndReachesTarget()
    {
        var portfolios = from a in Gen.Choose(0, 2_000_000)
                         from b in Gen.Choose(0, 2_000_000)
                         from c in Gen.Choose(0, 2_000_000)
                         from cashCents in Gen.Choose(0, 5_000_000)
                         from navA in Gen.Choose(1_000, 90_000)
                         from navB in Gen.Choose(1_000, 90_000)
                         from navC in Gen.Choose(1_000, 90_000)
                         select (Units: new Dictionary<string, decimal> { ["A"] = a / 100m, ["B"] = b / 100m, ["C"] = c / 100m },
                                 Navs: new Dictionary<string, decimal> { ["A"] = navA / 10_000m, ["B"] = navB / 10_000m, ["C"] = navC / 10_000m },
                                 Cash: cashCents / 100m);
        return Prop.ForAll(portfolios.ToArbitrary(), p =>
        {
            var before = p.Cash + PortfolioAnalytics.HoldingValues(p.Units, p.Navs).Values.Sum();
            var plan = Rebalancer.Plan(p.Units, p.Navs, p.Cash, Targets);
            var after = Rebalancer.Apply(p.Units, plan.Trades);
            var value = plan.CashAfter + PortfolioAnalytics.HoldingValues(after, p.Navs).Values.Sum();
            var drift = PortfolioAnalytics.Drift(PortfolioAnalytics.Weights(after, p.Navs, plan.CashAfter), Targets);
            var conserved = Math.Abs(value - before) <= 0.01m * Math.Max(1, plan.Trades.Count);
            var cashMatches = plan.CashAfter == p.Cash
                + plan.Trades.Sum(t => t.Side == TradeSide.Sell ? t.Amount : -t.Amount);
            var settled = !plan.IsNeeded || before < 100m || drift <= Tolerance;
            return conserved && cashMatches && plan.CashAfter >= 0 && after.Values.All(u => u >= 0) && settled;
        });
    }

    [Property(MaxTest = 200)]
    public Property Plan_NewCashCoversEveryGap_NeverSells()
    {
        var portfolios = from a in Gen.Choose(0, 1_000_000)
                         from b in Gen.Choose(0, 1_000_000)
                         from c in Gen.Choose(0, 1_000_000)
                         from extraCents in Gen.Choose(0, 1_000_000)
                         select (A: a / 100m, B: b / 100m, C: c / 100m, Extra: extraCents / 100m);
        return Prop.ForAll(portfolios.ToArbitrary(), p =>
        {
            var units = UnitsFor(p.A, p.B, p.C);
            var values = PortfolioAnalytics.HoldingValues(units, Navs);
            // Enough cash that the whole portfolio's target for each product is at least what is already held.
            var needed = Targets.Max(t => values[t.Key] / t.Value);
            var cash = decimal.Round(Math.Max(0m, needed - values.Values.Sum()) + p.Extra + 0.01m, 2, MidpointRounding.ToPositiveInfinity);
            var plan = Rebalancer.Plan(units, Navs, cash, Targets);
            return plan.Trades.All(t => t.Side == TradeSide.Buy);
        });
    }

    private static Dictionary<string, decimal> UnitsFor(decimal valueA, decimal valueB, decimal valueC) => new()
    {
        ["A"] = decimal.Round(valueA / Navs["A"], 4),
        ["B"] = decimal.Round(valueB / Navs["B"], 4),
        ["C"] = decimal.Round(valueC / Navs["C"], 4),
    };

    private static void AssertAtTarget(IReadOnlyDictionary<string, decimal> units, decimal cash)
    {
        var weights = PortfolioAnalytics.Weights(units, Navs, cash);
        Assert.All(Targets, t => Assert.InRange(weights[t.Key], t.Value - Tolerance, t.Value + Tolerance));
    }
}
