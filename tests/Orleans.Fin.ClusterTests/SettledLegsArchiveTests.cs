using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// An account stored when every settled leg lived in the account's own state: its legs are still recognised, move to
/// the settled-legs archive with its next write, and are still recognised from there after a restart. An account that
/// says it never moved legs there does not read the archive when it activates: a move whose account write failed left
/// the legs in the account too, and the next move reads what the archive holds before it writes it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SettledLegsArchiveTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Post_AccountStoredWithItsSettledLegsInItsOwnState_RecognisesThemBeforeAndAfterTheyMove()
    {
        var id = FinIds.New(IdPrefixes.Account, ClusterFixture.Now);
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);
        List<string> settled = [.. Enumerable.Range(0, LegRetention.ArchiveThreshold).Select(_ => FinIds.New(IdPrefixes.Payment, ClusterFixture.Now))];
        await storage.WriteStateAsync("account", account.GetGrainId(), new GrainState<AccountState>(new AccountState
        {
            SchemaVersion = 2, Opened = true, CustomerId = "cus_settled_in_its_own_state", Currency = "CNY",
            Kind = AccountKind.Customer, Status = AccountStatus.Active, OpenedAt = ClusterFixture.Now.AddDays(-1),
            Settled = [new SettledLegs(ClusterFixture.Now.AddSeconds(-5), [.. settled])],
        }));

        var late = await account.Post(Deposit(settled[0]));
        Assert.True(late.Applied);
        Assert.Equal(0m, late.BalanceAfter);

        var transfer = FinIds.New(IdPrefixes.Payment, ClusterFixture.Now);
        await fixture.Client.GetGrain<IAccountGrain>(SystemAccounts.Settlement("CNY", transfer))
            .Post(new Posting(transfer, -5m, "CNY", EntryKind.Settlement, transfer, id, null, null, false));
        Assert.Equal(5m, (await account.Post(Deposit(transfer))).BalanceAfter);

        var own = new GrainState<AccountState>();
        await storage.ReadStateAsync("account", account.GetGrainId(), own);
        var archive = new GrainState<SettledLegsState>();
        await storage.ReadStateAsync("settledLegs", account.GetGrainId(), archive);
        Assert.Empty(Assert.IsType<AccountState>(own.State).Settled);
        Assert.Equal(settled, Assert.IsType<SettledLegsState>(archive.State).Batches.SelectMany(b => b.Ids));

        await fixture.Cluster.DeactivateAsync(account);
        var afterRestart = await account.Post(Deposit(settled[^1]));
        Assert.True(afterRestart.Applied);
        Assert.Equal(5m, afterRestart.BalanceAfter);
        Assert.Single((await account.GetEntries(null, 10)).Items);
    }

    [Fact]
    public async Task Post_MoveWhoseAccountWriteFailedThenARestart_RecognisesEveryLegAndTheNextMoveKeepsThemAll()
    {
        var id = FinIds.New(IdPrefixes.Account, ClusterFixture.Now);
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        List<string> settled = [.. Enumerable.Range(0, LegRetention.ArchiveThreshold).Select(_ => FinIds.New(IdPrefixes.Payment, ClusterFixture.Now))];
        await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage)
            .WriteStateAsync("account", account.GetGrainId(), new GrainState<AccountState>(new AccountState
            {
                Opened = true, CustomerId = "cus_never_archived", Currency = "CNY", Kind = AccountKind.Customer,
                Status = AccountStatus.Active, OpenedAt = ClusterFixture.Now.AddDays(-1),
                Settled = [new SettledLegs(ClusterFixture.Now.AddSeconds(-5), [.. settled])],
            }));
        var first = FinIds.New(IdPrefixes.Deposit, ClusterFixture.Now);

        // The move's archive write passes, the account's own write fails: the legs are in both, the account says no archive.
        using (StorageFaults.FailWrites(id, passing: 1, failing: 1))
        {
            await MoneyPathChecks.ThrowsUnavailableAsync(() => account.Post(Deposit(first)));
        }

        var stranded = await fixture.StoredStateAsync<SettledLegsState>("settledLegs", account.GetGrainId());
        Assert.Equal(settled, Assert.IsType<SettledLegsState>(stranded).Batches.SelectMany(b => b.Ids));
        Assert.False(Assert.IsType<AccountState>(await fixture.StoredStateAsync<AccountState>("account", account.GetGrainId())).Archived);

        await fixture.Cluster.DeactivateAsync(account);
        var late = await account.Post(Deposit(settled[7])); // a fresh activation, which does not read the archive
        var retried = await account.Post(Deposit(first)); // moves the legs again, over what the archive holds
        var again = await account.Post(Deposit(first));

        Assert.Equal((true, 0m), (late.Applied, late.BalanceAfter));
        Assert.Equal((true, 5m), (retried.Applied, retried.BalanceAfter));
        Assert.Equal((true, 5m), (again.Applied, again.BalanceAfter));
        var own = Assert.IsType<AccountState>(await fixture.StoredStateAsync<AccountState>("account", account.GetGrainId()));
        var archive = Assert.IsType<SettledLegsState>(await fixture.StoredStateAsync<SettledLegsState>("settledLegs", account.GetGrainId()));
        Assert.True(own.Archived);
        Assert.Empty(own.Settled);
        Assert.Equal(settled, archive.Batches.SelectMany(b => b.Ids));

        await fixture.Cluster.DeactivateAsync(account);
        var afterRestart = await account.Post(Deposit(settled[^1])); // a fresh activation, which reads the archive
        Assert.Equal((true, 5m), (afterRestart.Applied, afterRestart.BalanceAfter));
        Assert.Single((await account.GetEntries(null, 10)).Items);
    }

    private static Posting Deposit(string transferId) =>
        new(transferId, 5m, "CNY", EntryKind.Deposit, transferId, null, null, null, false);
}
