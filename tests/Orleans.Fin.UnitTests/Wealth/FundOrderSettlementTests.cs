using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class FundOrderSettlementTests
{
    private static Holdings Holding(decimal units, decimal cash) =>
        new(new Dictionary<string, decimal>(StringComparer.Ordinal) { ["F1"] = units }, cash);

    [Fact]
    public void Subscription_Completed_BuysTheUnitsAndKeepsTheLeftoverCash()
    {
        var result = FundOrderSettlement.Subscription(Holding(10m, 0m), [new Trade("F1", TradeSide.Buy, 100m, 1.5m, 150m)], 151m, completed: true);

        Assert.True(result.Completed);
        Assert.Equal(110m, result.Holdings.Units["F1"]);
        Assert.Equal(1m, result.Holdings.Cash);
        Assert.Equal(151m, result.Flow);
    }

    [Fact]
    public void Subscription_Declined_HoldingsUnchangedAndNoFlow()
    {
        var before = Holding(10m, 2m);

        var result = FundOrderSettlement.Subscription(before, [new Trade("F1", TradeSide.Buy, 100m, 1.5m, 150m)], 151m, completed: false);

        Assert.False(result.Completed);
        Assert.Same(before, result.Holdings);
        Assert.Equal(0m, result.Flow);
    }

    [Fact]
    public void Redemption_PaidOut_HoldingsStayAsWrittenWithTheOrder()
    {
        var written = Holding(60m, 0m); // 40 of 100 units left with the order

        var result = FundOrderSettlement.Redemption(written, [new Trade("F1", TradeSide.Sell, 40m, 2m, 80m)], 80m, completed: true);

        Assert.True(result.Completed);
        Assert.Same(written, result.Holdings);
        Assert.Equal(0m, result.Flow);
    }

    [Fact]
    public void Redemption_Declined_UnitsAndCashComeBack()
    {
        var written = Holding(60m, 0.5m);

        var result = FundOrderSettlement.Redemption(written, [new Trade("F1", TradeSide.Sell, 40m, 2m, 80m)], 80m, completed: false);

        Assert.False(result.Completed);
        Assert.Equal(100m, result.Holdings.Units["F1"]);
        Assert.Equal(0.5m, result.Holdings.Cash);
        Assert.Equal(80m, result.Flow);
    }
}
