using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;
using Orleans.Runtime;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class GrainReferencesTests(ClusterFixture fixture)
{
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task Get_StringKey_IsTheReferenceGetGrainGivesAndReachesTheGrain()
    {
        var (_, account) = await _scenario.FundedAccountAsync(125m);

        var cached = (GrainReference)(object)fixture.Client.Get<IAccountGrain>(account);
        var plain = (GrainReference)(object)fixture.Client.GetGrain<IAccountGrain>(account);
        var again = (GrainReference)(object)fixture.Client.Get<IAccountGrain>(account);

        Assert.Equal(plain.GrainId, cached.GrainId);
        Assert.Equal(plain.InterfaceType, cached.InterfaceType);
        Assert.Equal(plain.GrainId, again.GrainId);
        Assert.Equal(125m, (await ((IAccountGrain)cached).Get())!.Balance);
    }

    [Fact]
    public void Get_IntegerKeyAndOtherInterfaces_KeepTheirOwnTypes()
    {
        var shard = (GrainReference)(object)fixture.Client.Get<IPendingMovementsGrain>(3);
        var movement = (GrainReference)(object)fixture.Client.Get<IMoneyMovementGrain>("pay_cached_reference");

        Assert.Equal(((GrainReference)(object)fixture.Client.GetGrain<IPendingMovementsGrain>(3)).GrainId, shard.GrainId);
        Assert.NotEqual(((GrainReference)(object)fixture.Client.GetGrain<IPendingMovementsGrain>(4)).GrainId, shard.GrainId);
        Assert.Equal(((GrainReference)(object)fixture.Client.GetGrain<IMoneyMovementGrain>("pay_cached_reference")).GrainId, movement.GrainId);
        Assert.NotEqual(shard.InterfaceType, movement.InterfaceType);
    }
}
