using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class MoneyMovementTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task Execute_ConcurrentDuplicates_MoveMoneyOnce()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(1_000m);
        var (_, to) = await _scenario.FundedAccountAsync(0m);
        var id = FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow);
        var request = ClusterScenario.Payment(payer, from, to, 250m);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(request)));

        Assert.All(results, r => Assert.Equal(MovementStatus.Completed, r.Status));
        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(750m, await _scenario.BalanceAsync(from));
        Assert.Equal(250m, await _scenario.BalanceAsync(to));
    }

    [Fact]
    public async Task Execute_AfterDeactivation_ReplaysRecordedResult()
    {
        var (payer, from, to, id) = await _scenario.PaymentPairAsync(100m);
        var movement = fixture.Client.GetGrain<IMoneyMovementGrain>(id);
        var first = await movement.Execute(ClusterScenario.Payment(payer, from, to, 60m));

        await fixture.Cluster.DeactivateAsync(movement);
        var replay = await movement.Execute(ClusterScenario.Payment(payer, from, to, 60m));

        Assert.Equal(first, replay with { Reasons = first.Reasons, CustomerIds = first.CustomerIds });
        Assert.Equal(40m, await _scenario.BalanceAsync(from));
    }

    [Fact]
    public async Task Execute_SameKeyOtherBody_IsRefused()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(100m);
        var (_, to) = await _scenario.FundedAccountAsync(0m);
        var movement = fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow));
        await movement.Execute(ClusterScenario.Payment(payer, from, to, 10m));

        var error = await Assert.ThrowsAsync<FinException>(() => movement.Execute(ClusterScenario.Payment(payer, from, to, 11m)));

        Assert.Equal(FinErrorCode.IdempotencyConflict, error.Code);
        Assert.Equal(90m, await _scenario.BalanceAsync(from));
    }

    [Fact]
    public async Task Execute_InsufficientFunds_DeclinesAndLeavesNoEntry()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(5m);
        var (_, to) = await _scenario.FundedAccountAsync(0m);

        var result = await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(payer, from, to, 6m));

        Assert.Equal(MovementStatus.Declined, result.Status);
        Assert.Equal(DeclineReason.InsufficientFunds, result.DeclineReason);
        var entries = await fixture.Client.GetGrain<IAccountGrain>(to).GetEntries(null, 10);
        Assert.Empty(entries.Items);
    }

    [Fact]
    public async Task Execute_CrossCurrency_BalancesEachCurrencyThroughFxPositions()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(1_000m, "CNY");
        var (_, to) = await _scenario.FundedAccountAsync(0m, "USD");
        var id = FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow);

        var result = await fixture.Client.GetGrain<IMoneyMovementGrain>(id).Execute(ClusterScenario.Payment(payer, from, to, 710.50m, "CNY"));

        Assert.Equal(MovementStatus.Completed, result.Status);
        Assert.NotNull(result.Fx);
        Assert.Equal(result.Fx.CreditedAmount, await _scenario.BalanceAsync(to));
        var fxCny = await fixture.Client.GetGrain<IAccountGrain>(SystemAccounts.FxPosition("CNY", id)).GetEntries(null, 500);
        var fxUsd = await fixture.Client.GetGrain<IAccountGrain>(SystemAccounts.FxPosition("USD", id)).GetEntries(null, 500);
        Assert.Equal(710.50m, fxCny.Items.Single(e => e.Reference == id).Amount);
        Assert.Equal(-result.Fx.CreditedAmount, fxUsd.Items.Single(e => e.Reference == id).Amount);
    }

    [Fact]
    public async Task Post_SameTransferTwice_AppliesOnce()
    {
        var (customer, account) = await _scenario.FundedAccountAsync(0m);
        var grain = fixture.Client.GetGrain<IAccountGrain>(account);
        var posting = new Posting("trf-1", 42m, "CNY", EntryKind.Deposit, "trf-1", null, null, customer, false);
        var settlement = SystemAccounts.Settlement("CNY", "trf-1");

        // Both legs of the transfer, so that the cluster's ledger still sums to zero for the tests that check it.
        await fixture.Client.GetGrain<IAccountGrain>(settlement).Post(new Posting("trf-1", -42m, "CNY", EntryKind.Settlement, "trf-1", account, null, null, false));
        await grain.Post(posting);
        var again = await grain.Post(posting);

        Assert.True(again.Applied);
        Assert.Equal(42m, await _scenario.BalanceAsync(account));
        Assert.Single((await grain.GetEntries(null, 10)).Items);
    }

    [Fact]
    public async Task Frozen_DeclinesDebitsButReceivesCredits()
    {
        var (payer, from) = await _scenario.FundedAccountAsync(100m);
        var (other, to) = await _scenario.FundedAccountAsync(100m);
        await fixture.Client.GetGrain<IAccountGrain>(from).Freeze(new FreezeCommand("suspected takeover", "officer-1"));

        var outgoing = await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(payer, from, to, 10m));
        var incoming = await fixture.Client.GetGrain<IMoneyMovementGrain>(FinIds.New(IdPrefixes.Payment, DateTimeOffset.UtcNow))
            .Execute(ClusterScenario.Payment(other, to, from, 10m));

        Assert.Equal(DeclineReason.AccountFrozen, outgoing.DeclineReason);
        Assert.Equal(MovementStatus.Completed, incoming.Status);
        Assert.Equal(110m, await _scenario.BalanceAsync(from));
    }
}
