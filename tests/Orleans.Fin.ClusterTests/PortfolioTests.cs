using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Wealth;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Portfolios in the two-silo cluster, where their rebalance reminder fires every <see cref="ClusterFixture.RebalancePeriod"/>.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class PortfolioTests(ClusterFixture fixture)
{
    private const decimal DriftBand = 0.05m; // WealthOptions.DriftBand, not changed by the fixture
    private const string BalancedFund = "BAL-01"; // 30 % of the C3 target
    private const string BondFund = "BND-01"; // 25 % of the C3 target
    private static readonly RiskAnswers Balanced = new([3, 3, 3, 3, 3], "Growth", 10); // C3

    private readonly IClusterClient _client = fixture.Client;
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task ReceiveReminder_EverythingInOneProduct_RebalancesIntoTheBand()
    {
        var grain = await OpenAsync(10_000m);

        var bought = await grain.Subscribe(Order(10_000m, BalancedFund));
        Assert.Equal("Completed", bought.Status);
        Assert.True(bought.Portfolio.Drift > DriftBand, $"drift {bought.Portfolio.Drift}");
        Assert.Null(bought.Portfolio.LastRebalancedAt);

        // Nothing but the portfolio's own reminder ticks it: the first fire is at its slot within one period.
        var deadline = DateTime.UtcNow + (5 * ClusterFixture.RebalancePeriod);
        var view = (await grain.Get())!;
        while (view.LastRebalancedAt is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            view = (await grain.Get())!;
        }

        Assert.NotNull(view.LastRebalancedAt);
        Assert.InRange(view.Drift, 0m, DriftBand);
        Assert.Equal(view.TargetAllocation.Select(t => t.ProductId), view.Holdings.Select(h => h.ProductId));
        Assert.InRange(view.MarketValue, 9_999m, 10_000m); // trading between funds keeps the value, bar rounding
    }

    [Fact]
    public async Task Tick_AgainInTheSamePeriod_DoesNotTradeTwice()
    {
        var grain = await OpenAsync(50_000m);

        // A business time far ahead of the reminder's, so once this tick has rebalanced the reminder cannot trade again
        // in between. The reminder may still win the race to the first rebalance: then the portfolio is skewed again.
        var asOf = ClusterFixture.Now.AddHours(1);
        RebalanceOutcome first;
        var attempts = 0;
        do
        {
            await grain.Subscribe(Order(10_000m, BalancedFund));
            first = await grain.Tick(asOf);
        }
        while (!first.Rebalanced && ++attempts < 3);
        Assert.True(first.Rebalanced, first.SkippedBecause);

        var second = await grain.Tick(asOf);
        await grain.Subscribe(Order(10_000m, BondFund)); // far off target again: only the period holds the next tick back
        var skewed = (await grain.Get())!;
        var third = await grain.Tick(asOf);
        var held = (await grain.Get())!;
        var nextPeriod = await grain.Tick(asOf + ClusterFixture.RebalancePeriod);

        Assert.False(second.Rebalanced);
        Assert.Equal("Already rebalanced in this period.", second.SkippedBecause);
        Assert.Empty(second.Trades);
        Assert.True(skewed.Drift > DriftBand, $"drift {skewed.Drift}");
        Assert.False(third.Rebalanced);
        Assert.Equal("Already rebalanced in this period.", third.SkippedBecause);
        Assert.Equal(skewed.Holdings.Select(h => h.Units), held.Holdings.Select(h => h.Units));
        Assert.True(nextPeriod.Rebalanced, nextPeriod.SkippedBecause);
        Assert.InRange(nextPeriod.DriftAfter, 0m, DriftBand);
    }

    [Fact]
    public async Task Subscribe_SameOrderFromBothSilosAtOnce_MovesTheMoneyOnce()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(5_000m);
        var id = NewId();
        await _client.GetGrain<IPortfolioGrain>(id).Open(new PortfolioOpening(customerId, accountId, Balanced, customerId));
        var order = Order(1_234.56m, productId: null);
        IGrainFactory[] senders =
        [
            .. fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<IGrainFactory>()),
            _client,
        ];

        var results = await Task.WhenAll(senders.SelectMany(f => new[] { f, f }).Select(f => f.GetGrain<IPortfolioGrain>(id).Subscribe(order)));

        Assert.All(results, r => Assert.Equal((order.OrderId, "Completed"), (r.Id, r.Status)));
        Assert.Equal(5_000m - 1_234.56m, await _scenario.BalanceAsync(accountId));
        var entries = await _client.GetGrain<IAccountGrain>(accountId).GetEntries(null, 50);
        Assert.Equal([5_000m, -1_234.56m], entries.Items.OrderBy(e => e.Sequence).Select(e => e.Amount));
        var view = (await _client.GetGrain<IPortfolioGrain>(id).Get())!;
        Assert.Equal(1_234.56m, view.NetInvested);
        Assert.Equal(1_234.56m, results[0].Trades.Sum(t => t.Amount) + view.Cash);
    }

    private async Task<IPortfolioGrain> OpenAsync(decimal deposit)
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(deposit);
        var grain = _client.GetGrain<IPortfolioGrain>(NewId());
        await grain.Open(new PortfolioOpening(customerId, accountId, Balanced, customerId));
        return grain;
    }

    private static FundOrder Order(decimal amount, string? productId)
    {
        var id = FinIds.New(IdPrefixes.FundSubscription, DateTimeOffset.UtcNow);
        return new FundOrder(id, $"test:{id}:{amount}:{productId}", amount, productId, "test");
    }

    private static string NewId() => FinIds.New(IdPrefixes.Portfolio, DateTimeOffset.UtcNow);
}
