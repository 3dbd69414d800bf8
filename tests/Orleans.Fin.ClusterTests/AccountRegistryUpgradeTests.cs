using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Storage;

namespace Orleans.Fin.ClusterTests;

/// <summary>An account stored before the account registry existed joins it when it activates, once.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AccountRegistryUpgradeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Activation_AccountStoredUnderSchema2_JoinsTheRegistryOnce()
    {
        var id = FinIds.New(IdPrefixes.Account, ClusterFixture.Now);
        var account = fixture.Client.GetGrain<IAccountGrain>(id);
        var shard = fixture.Client.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(id));
        var storage = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);
        var stored = new GrainState<AccountState>(new AccountState
        {
            SchemaVersion = 2, Opened = true, CustomerId = "cus_opened_before_the_registry", Currency = "CNY",
            Kind = AccountKind.Customer, Status = AccountStatus.Active, OpenedAt = ClusterFixture.Now.AddYears(-1),
        });
        await storage.WriteStateAsync("account", account.GetGrainId(), stored);
        var before = (await shard.SumBalances()).Accounts;

        Assert.Equal(AccountStatus.Active, (await account.Get())!.Status);
        Assert.Equal(before + 1, (await shard.SumBalances()).Accounts);

        await fixture.Cluster.DeactivateAsync(account);
        Assert.Equal("cus_opened_before_the_registry", (await account.Get())!.CustomerId);
        Assert.Equal(before + 1, (await shard.SumBalances()).Accounts);
    }
}
