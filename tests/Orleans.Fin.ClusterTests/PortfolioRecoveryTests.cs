using Orleans.Fin.Common;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// An order whose money moved but whose answer was lost stays pending in the portfolio (written before the money
/// moved) and is finished exactly once later: the money is never moved twice and the units never applied twice.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PortfolioRecoveryTests(ClusterFixture fixture)
{
    private static readonly RiskAnswers Balanced = new([3, 3, 3, 3, 3], "Growth", 10); // C3

    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task Subscribe_MovementAnswerLost_TickFinishesTheOrderOnce()
    {
        var (grain, accountId) = await OpenAsync(5_000m);
        var order = Order(IdPrefixes.FundSubscription, 1_000m);
        FaultInjection.LostMovementAnswers[order.OrderId] = 1;

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Subscribe(order));
        var balanceAfterFault = await _scenario.BalanceAsync(accountId);
        await grain.Tick(null);
        var settled = await grain.GetOrder(order.OrderId);
        var replay = await grain.Subscribe(order);
        var view = (await grain.Get())!;

        Assert.Equal(4_000m, balanceAfterFault); // the money moved before the answer was lost
        Assert.Equal("Completed", settled?.Status);
        Assert.Equal((order.OrderId, "Completed"), (replay.Id, replay.Status));
        Assert.Equal(4_000m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(1_000m, view.NetInvested);
        Assert.Equal(1_000m, settled!.Trades.Sum(t => t.Amount) + view.Cash);
        Assert.Equal(5, view.Holdings.Count);
    }

    [Fact]
    public async Task Redeem_MovementAnswerLost_RetryFinishesTheOrderOnce()
    {
        var (grain, accountId) = await OpenAsync(5_000m);
        await grain.Subscribe(Order(IdPrefixes.FundSubscription, 3_000m));
        var invested = (await grain.Get())!;
        var order = Order(IdPrefixes.FundRedemption, 1_000m);
        FaultInjection.LostMovementAnswers[order.OrderId] = 1;

        await Assert.ThrowsAnyAsync<Exception>(() => grain.Redeem(order));
        var retried = await grain.Redeem(order);
        var again = await grain.Redeem(order);
        var view = (await grain.Get())!;

        Assert.Equal((order.OrderId, "Completed"), (retried.Id, retried.Status));
        Assert.Equal(retried.Trades.Select(t => t.Units), again.Trades.Select(t => t.Units));
        Assert.Equal(2_000m + 1_000m, await _scenario.BalanceAsync(accountId)); // paid out once
        Assert.Equal(2_000m, view.NetInvested);
        Assert.InRange(view.MarketValue, invested.MarketValue - 1_000m - 0.05m, invested.MarketValue - 1_000m + 0.05m);
        Assert.All(view.Holdings, h => Assert.True(h.Units > 0));
    }

    private async Task<(IPortfolioGrain Grain, string AccountId)> OpenAsync(decimal deposit)
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(deposit);
        var grain = fixture.Client.GetGrain<IPortfolioGrain>(FinIds.New(IdPrefixes.Portfolio, DateTimeOffset.UtcNow));
        await grain.Open(new PortfolioOpening(customerId, accountId, Balanced, customerId));
        return (grain, accountId);
    }

    private static FundOrder Order(string prefix, decimal amount)
    {
        var id = FinIds.New(prefix, DateTimeOffset.UtcNow);
        return new FundOrder(id, $"test:{id}:{amount}", amount, null, "test");
    }
}
