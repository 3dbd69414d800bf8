using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests;

/// <summary>
/// An account stored when every settled leg lived in the account's own state: its legs are still recognised, move to
/// the settled-legs archive with its next write, and are still recognised from there after a restart.
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

    private static Posting Deposit(string transferId) =>
        new(transferId, 5m, "CNY", EntryKind.Deposit, transferId, null, null, null, false);
}
