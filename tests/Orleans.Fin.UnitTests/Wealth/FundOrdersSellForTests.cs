using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class FundOrdersSellForTests
{
    private static readonly Dictionary<string, decimal> Navs = new(StringComparer.Ordinal) { ["A"] = 1.2345m, ["B"] = 2.5m, ["C"] = 0.9876m };

    // Values about 6,000 / 3,000 / 1,000 at awkward NAVs and 4-decimal units.
    private static readonly Holdings Invested = new(
        new Dictionary<string, decimal>(StringComparer.Ordinal) { ["A"] = 4_860.2673m, ["B"] = 1_200m, ["C"] = 1_012.5557m }, 0m);

    [Theory]
    [InlineData(300)]
    [InlineData(500)]
    public void SellFor_CashCoversAmount_NoTrades(int amount)
    {
        var holdings = Invested with { Cash = 500m };

        Assert.Empty(FundOrders.SellFor(holdings, Navs, amount));
    }

    [Fact]
    public void SellFor_CashCoversPart_SellsOnlyTheRestInProportionToValue()
    {
        // Values 1,000 / 1,000 and cash 100: 700 needs 600 from the funds, 300 from each.
        var holdings = new Holdings(new Dictionary<string, decimal> { ["A"] = 1_000m, ["B"] = 500m }, 100m);
        var navs = new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 2m };

        var trades = FundOrders.SellFor(holdings, navs, 700m);

        Assert.Equal([new Trade("A", TradeSide.Sell, 300m, 1m, 300m), new Trade("B", TradeSide.Sell, 150m, 2m, 300m)], trades);
        Assert.Equal(0m, holdings.After(trades, cashIn: -700m).Cash);
    }

    [Fact]
    public void SellFor_WholeMarketValue_SellsEveryUnitAndLeavesNoCash()
    {
        var holdings = Invested with { Cash = 12.34m };
        var marketValue = PortfolioAnalytics.MarketValue(holdings.Units, Navs, holdings.Cash);

        var after = holdings.After(FundOrders.SellFor(holdings, Navs, marketValue), cashIn: -marketValue);

        Assert.Empty(after.Units);
        Assert.Equal(0m, after.Cash);
    }

    [Fact]
    public void SellFor_PartialSale_KeepsWeightsAndRaisesAtLeastTheAmount()
    {
        var before = PortfolioAnalytics.Weights(Invested.Units, Navs, Invested.Cash);

        var trades = FundOrders.SellFor(Invested, Navs, 5_000m);
        var after = Invested.After(trades, cashIn: -5_000m);

        Assert.InRange(trades.Sum(t => t.Amount), 5_000m, 5_000.03m);
        Assert.All(
            PortfolioAnalytics.Weights(after.Units, Navs, after.Cash),
            w => Assert.InRange(w.Value, before[w.Key] - 0.0001m, before[w.Key] + 0.0001m));
    }

    [Fact]
    public void SellFor_OneCentAcrossThreeEqualHoldings_TopsUpInsteadOfRaisingNothing()
    {
        // Each proportional share (a third of a cent) rounds to no proceeds; the shortfall is sold from the first largest.
        var holdings = new Holdings(new Dictionary<string, decimal> { ["A"] = 100m, ["B"] = 100m, ["C"] = 100m }, 0m);
        var navs = new Dictionary<string, decimal> { ["A"] = 1m, ["B"] = 1m, ["C"] = 1m };

        var trades = FundOrders.SellFor(holdings, navs, 0.01m);

        var trade = Assert.Single(trades);
        Assert.Equal("A", trade.ProductId);
        Assert.Equal(0.01m, trade.Amount);
        Assert.Equal(0m, holdings.After(trades, cashIn: -0.01m).Cash);
    }

    [Fact]
    public void SellFor_AmountAboveMarketValue_Throws()
    {
        var marketValue = PortfolioAnalytics.MarketValue(Invested.Units, Navs, Invested.Cash);

        Assert.Throws<ArgumentException>(() => FundOrders.SellFor(Invested, Navs, marketValue + 0.01m));
    }

    [Property(MaxTest = 1_000)]
    public Property SellFor_AnyPortfolioAndAmount_NeverOverdrawsCashOrOversellsUnits()
    {
        var cases = from p in RandomPortfolios.Portfolios
                    from basisPoints in Gen.OneOf(Gen.Constant(10_000), Gen.Choose(1, 100), Gen.Choose(1, 10_000))
                    select (p.Holdings, p.Navs, BasisPoints: basisPoints);
        return Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var marketValue = PortfolioAnalytics.MarketValue(c.Holdings.Units, c.Navs, c.Holdings.Cash);
            var amount = Math.Max(0.01m, decimal.Round(marketValue * c.BasisPoints / 10_000m, 2, MidpointRounding.ToZero));
            if (amount > marketValue)
            {
                return true; // a portfolio worth less than a cent has nothing to sell
            }

            var trades = FundOrders.SellFor(c.Holdings, c.Navs, amount);
            var after = c.Holdings.After(trades, cashIn: -amount);
            var needed = amount - Math.Min(amount, c.Holdings.Cash);
            return trades.All(t => t.Side == TradeSide.Sell && t.Units <= c.Holdings.Units[t.ProductId]
                    && t.Amount == FundOrders.Proceeds(t.Units, t.Nav))
                && trades.Sum(t => t.Amount) >= needed
                && after.Cash >= 0
                && after.Units.Values.All(u => u >= 0)
                && (amount < marketValue || (after.Units.Count == 0 && after.Cash == 0));
        });
    }
}
