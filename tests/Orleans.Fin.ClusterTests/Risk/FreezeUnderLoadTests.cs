using Orleans.Fin.Accounts;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests.Risk;

[Collection(ClusterCollection.Name)]
public sealed class FreezeUnderLoadTests(ClusterFixture fixture)
{
    private const decimal Amount = 20m; // neither tiny (card testing) nor large
    private const int Workers = 4;
    private readonly RiskScenario _risk = new(fixture.Client);

    [Fact]
    public async Task AfterTheFreezeLands_NoDebitSucceeds_UnderConcurrentPayments()
    {
        var (customer, from) = await _risk.Money.FundedAccountAsync(100_000m);
        var payees = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _risk.Money.FundedAccountAsync(0m)));
        using var stop = new CancellationTokenSource();
        var results = new System.Collections.Concurrent.ConcurrentBag<(MovementResult Result, DateTimeOffset StartedAt)>();
        var load = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var startedAt = DateTimeOffset.UtcNow;
                var result = await _risk.PayAsync(RiskScenario.NewPaymentId(), customer, from, payees[worker % 2].AccountId, Amount);
                results.Add((result, startedAt));
            }
        })).ToList();

        // Payments went through before the freeze, and others were started after it landed: waited for, not slept on, since
        // a loaded machine may take longer than any fixed pause for either.
        await RiskScenario.EventuallyAsync(() => Task.FromResult(results.Any(r => r.Result.Status == MovementStatus.Completed)), "a payment completes");
        var frozenAt = DateTimeOffset.UtcNow;
        await _risk.Risk(customer).Refer("takeover in progress", "officer-3", freeze: true);
        var landedAt = DateTimeOffset.UtcNow;
        await RiskScenario.EventuallyAsync(
            () => Task.FromResult(results.Count(r => r.StartedAt > landedAt) >= Workers), "each worker has a payment started after the freeze returned");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var account = await _risk.AccountAsync(from);
        Assert.Equal(AccountStatus.Frozen, account.Status);
        var afterFreeze = results.Where(r => r.StartedAt > landedAt).ToList();
        Assert.NotEmpty(afterFreeze);
        Assert.All(afterFreeze, r => Assert.Equal((MovementStatus.Declined, DeclineReason.AccountFrozen), (r.Result.Status, r.Result.DeclineReason)));
        Assert.Contains(results, r => r.Result.Status == MovementStatus.Completed && r.StartedAt < frozenAt);
        var completed = results.Count(r => r.Result.Status == MovementStatus.Completed);
        Assert.Equal(100_000m - (completed * Amount), account.Balance);
        var entries = await fixture.Client.GetGrain<IAccountGrain>(from).GetEntries(null, 500);
        Assert.All(entries.Items.Where(e => e.Kind == EntryKind.PaymentOut), e => Assert.True(e.At <= account.FrozenAt, "a debit was posted after the freeze"));
    }
}
