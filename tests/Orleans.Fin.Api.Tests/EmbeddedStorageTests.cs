using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Silo.Storage;
using Orleans.Fin.TestSupport;
using Orleans.Storage;

namespace Orleans.Fin.Api.Tests;

/// <summary>The embedded node keeps grain state in its own process: every API test runs over that storage.</summary>
[Collection(ApiCollection.Name)]
public sealed class EmbeddedStorageTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Deposit_EmbeddedNode_AccountStateStoredInTheProcess()
    {
        var holder = await _api.FundedAccountAsync(125.50m);

        var storage = fixture.Node.Services.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);
        var stored = new GrainState<AccountState>();
        await storage.ReadStateAsync("account", GrainId.Create("account", holder.AccountId), stored);

        Assert.IsType<InProcessGrainStorage>(storage);
        Assert.True(stored.RecordExists);
        Assert.Equal(holder.CustomerId, stored.State!.CustomerId);
        Assert.Equal(125.50m, stored.State.Balance);
    }
}
