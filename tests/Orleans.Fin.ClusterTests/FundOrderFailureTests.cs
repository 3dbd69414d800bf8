using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Subscriptions and redemptions under failure: the order's write-ahead failing, the write after the money moved
/// failing, the movement not reached or its answer lost, the portfolio's activation dying between two steps. After
/// each, the money moved once on each side (the customer's account and the fund custody shard cancel out), the units
/// match the order and no order is left pending, finished by the system itself where no one retries.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class FundOrderFailureTests(ClusterFixture fixture)
{
    private static readonly RiskAnswers Balanced = new([3, 3, 3, 3, 3], "Growth", 10); // C3

    private readonly ClusterScenario _scenario = new(fixture.Client);
    private readonly MoneyPathChecks _checks = new(fixture.Client);

    [Fact]
    public async Task Subscribe_WriteAheadFails_NothingKeptAndTheRetrySubscribesOnce()
    {
        var (grain, portfolioId, accountId) = await OpenAsync(5_000m);
        var order = Order(IdPrefixes.FundSubscription, 1_000m);

        using (StorageFaults.FailWrites(portfolioId, passing: 0))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Subscribe(order));
        }

        var kept = await grain.GetOrder(order.OrderId);
        var untouched = await _scenario.BalanceAsync(accountId);
        var retried = await grain.Subscribe(order);

        Assert.Null(kept);
        Assert.Equal(5_000m, untouched);
        Assert.Equal("Completed", retried.Status);
        Assert.Equal(1_000m, (await grain.Get())!.NetInvested);
        Assert.Equal(new MovementTrace(1, -1_000m, 1, 1_000m), await TraceAsync(order.OrderId, accountId));
    }

    [Fact]
    public async Task Subscribe_WriteAfterTheMoneyMovedFailsAndActivationDies_ReminderSettlesOnceWithoutARetry()
    {
        var (grain, portfolioId, accountId) = await OpenAsync(5_000m);
        var order = Order(IdPrefixes.FundSubscription, 1_000m);
        CallFaults.DyingActivations[portfolioId] = nameof(IPortfolioGrain.Subscribe);

        using (StorageFaults.FailWrites(portfolioId, passing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Subscribe(order));
        }

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await grain.GetOrder(order.OrderId))?.Status == "Completed"));
        var view = (await grain.Get())!;
        var settled = (await grain.GetOrder(order.OrderId))!;
        Assert.Equal(1_000m, view.NetInvested);
        Assert.Equal(1_000m, settled.Trades.Sum(t => t.Amount) + view.Cash);
        Assert.Equal(4_000m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, -1_000m, 1, 1_000m), await TraceAsync(order.OrderId, accountId));
    }

    [Fact]
    public async Task Redeem_WriteAheadFails_UnitsStayAndNothingIsPaidUntilTheRetry()
    {
        var (grain, portfolioId, accountId) = await OpenAsync(5_000m);
        await grain.Subscribe(Order(IdPrefixes.FundSubscription, 3_000m));
        var before = (await grain.Get())!;
        var order = Order(IdPrefixes.FundRedemption, 1_000m);

        using (StorageFaults.FailWrites(portfolioId, passing: 0))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Redeem(order));
        }

        var afterFault = (await grain.Get())!;
        var untouched = await _scenario.BalanceAsync(accountId);
        var retried = await grain.Redeem(order);

        Assert.Equal(before.Holdings.Select(h => h.Units), afterFault.Holdings.Select(h => h.Units));
        Assert.Equal((3_000m, 2_000m), (afterFault.NetInvested, untouched));
        Assert.Equal("Completed", retried.Status);
        Assert.Equal(3_000m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, 1_000m, 1, -1_000m), await TraceAsync(order.OrderId, accountId));
    }

    [Fact]
    public async Task Redeem_MovementNotReachedAndActivationDies_ReminderPaysOutOnceWithoutARetry()
    {
        var (grain, portfolioId, accountId) = await OpenAsync(5_000m);
        await grain.Subscribe(Order(IdPrefixes.FundSubscription, 3_000m));
        var order = Order(IdPrefixes.FundRedemption, 1_000m);
        FaultInjection.FailingCalls["Execute:" + order.OrderId] = 1;
        CallFaults.DyingActivations[portfolioId] = nameof(IPortfolioGrain.Redeem);

        await Assert.ThrowsAnyAsync<TimeoutException>(() => grain.Redeem(order));

        Assert.True(await MoneyPathChecks.EventuallyAsync(async () => (await grain.GetOrder(order.OrderId))?.Status == "Completed"));
        Assert.Equal(2_000m, (await grain.Get())!.NetInvested);
        Assert.Equal(3_000m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, 1_000m, 1, -1_000m), await TraceAsync(order.OrderId, accountId));
    }

    [Fact]
    public async Task Redeem_WriteAfterThePayoutFails_RetryableErrorThenSettledOnce()
    {
        var (grain, portfolioId, accountId) = await OpenAsync(5_000m);
        await grain.Subscribe(Order(IdPrefixes.FundSubscription, 3_000m));
        var order = Order(IdPrefixes.FundRedemption, 1_000m);

        using (StorageFaults.FailWrites(portfolioId, passing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => grain.Redeem(order));
        }

        var pending = (await grain.GetOrder(order.OrderId))!.Status;
        var retried = await grain.Redeem(order);

        Assert.Equal("Pending", pending); // as stored: written ahead, not yet settled
        Assert.Equal("Completed", retried.Status);
        Assert.Equal(2_000m, (await grain.Get())!.NetInvested);
        Assert.Equal(3_000m, await _scenario.BalanceAsync(accountId));
        Assert.Equal(new MovementTrace(1, 1_000m, 1, -1_000m), await TraceAsync(order.OrderId, accountId));
    }

    private async Task<(IPortfolioGrain Grain, string PortfolioId, string AccountId)> OpenAsync(decimal deposit)
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(deposit);
        var portfolioId = FinIds.New(IdPrefixes.Portfolio, DateTimeOffset.UtcNow);
        var grain = fixture.Client.GetGrain<IPortfolioGrain>(portfolioId);
        await grain.Open(new PortfolioOpening(customerId, accountId, Balanced, customerId));
        return (grain, portfolioId, accountId);
    }

    private Task<MovementTrace> TraceAsync(string orderId, string accountId) =>
        _checks.TraceAsync(orderId, accountId, SystemAccounts.FundCustody("CNY", orderId));

    private static FundOrder Order(string prefix, decimal amount)
    {
        var id = FinIds.New(prefix, DateTimeOffset.UtcNow);
        return new FundOrder(id, $"test:{id}:{amount}", amount, null, "test");
    }
}
