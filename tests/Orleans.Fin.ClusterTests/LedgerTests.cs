using Orleans.Fin.Accounts;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class LedgerTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task GetEntries_AfterSegmentsSealed_PagesBackEveryEntryInOrder()
    {
        var (customer, account) = await _scenario.FundedAccountAsync(0m);
        for (var i = 1; i <= 250; i++)
        {
            await _scenario.DepositAsync(customer, account, i);
        }

        await fixture.Cluster.DeactivateAsync(fixture.Client.GetGrain<IAccountGrain>(account));
        var seen = new List<LedgerEntry>();
        long? before = null;
        do
        {
            var page = await fixture.Client.GetGrain<IAccountGrain>(account).GetEntries(before, 70);
            seen.AddRange(page.Items);
            before = page.NextBefore;
        }
        while (before is not null);

        Assert.Equal(Enumerable.Range(1, 250).Reverse().Select(i => (long)i), seen.Select(e => e.Sequence));
        Assert.Equal(Enumerable.Range(1, 250).Reverse().Select(i => (decimal)i), seen.Select(e => e.Amount));
        Assert.Equal(250m * 251 / 2, seen[0].BalanceAfter);
        Assert.Equal(seen[0].BalanceAfter, await _scenario.BalanceAsync(account));
    }
}
