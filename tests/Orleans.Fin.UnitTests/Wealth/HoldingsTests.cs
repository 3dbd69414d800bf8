using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class HoldingsTests
{
    private static readonly Holdings Start = new(new Dictionary<string, decimal> { ["A"] = 10m, ["B"] = 4m }, Cash: 100m);

    [Fact]
    public void After_BuyAndSellWithCashIn_BuySpendsSellAddsAndCashInCounts()
    {
        Trade[] trades =
        [
            new("C", TradeSide.Buy, Units: 5m, Nav: 2m, Amount: 10m),
            new("A", TradeSide.Sell, Units: 4m, Nav: 3m, Amount: 12m),
        ];

        var after = Start.After(trades, cashIn: 50m);

        Assert.Equal(100m + 50m - 10m + 12m, after.Cash);
        Assert.Equal(6m, after.Units["A"]);
        Assert.Equal(4m, after.Units["B"]);
        Assert.Equal(5m, after.Units["C"]);
    }

    [Fact]
    public void After_NegativeCashIn_PaysOutOfCash()
    {
        var after = Start.After([new Trade("B", TradeSide.Sell, 4m, 5m, 20m)], cashIn: -120m);

        Assert.Equal(0m, after.Cash);
        Assert.False(after.Units.ContainsKey("B"));
    }

    [Fact]
    public void After_NoTrades_OnlyCashInChangesAndOriginalIsUntouched()
    {
        var after = Start.After([], cashIn: 7.5m);

        Assert.Equal(107.5m, after.Cash);
        Assert.Equal(Start.Units, after.Units);
        Assert.Equal(100m, Start.Cash);
    }

    [Fact]
    public void After_BuyBeyondCash_LeavesNegativeCashForTheCallerToReject()
    {
        var after = Holdings.Empty.After([new Trade("A", TradeSide.Buy, 1m, 1m, 1m)]);

        Assert.Equal(-1m, after.Cash);
        Assert.Equal(1m, after.Units["A"]);
        Assert.Empty(Holdings.Empty.Units);
    }
}
