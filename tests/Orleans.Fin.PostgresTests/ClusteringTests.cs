using System.Net;
using System.Net.Http.Json;
using Orleans.Fin.TestSupport;
using Orleans.Runtime;

namespace Orleans.Fin.PostgresTests;

public sealed class ClusteringTests
{
    [Fact]
    public async Task TwoSilos_FormOneCluster_AndServeTheSameGrains()
    {
        var clusterId = "pair-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = PostgresDatabase.Node(clusterId);
        await using var second = PostgresDatabase.Node(clusterId);
        var a = first.Api();
        var b = second.Api();
        await WaitForActiveSilosAsync(first, 2);

        Assert.Equal(2L, await PostgresDatabase.ScalarAsync<long>(
            "SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @id AND Status = 3", ("id", clusterId)));

        var (customer, token) = await a.NewCustomerAsync();
        var account = await a.OpenAccountAsync(token, customer);
        var other = await b.OpenAccountAsync(token, customer);
        await a.DepositAsync(token, account, 500m);
        Assert.Equal(500m, await b.BalanceAsync(account, token));

        var viaA = a.PayAsync(token, account, other, 100m, key: "pair-1");
        var viaB = b.PayAsync(token, account, other, 100m, key: "pair-1");
        var responses = await Task.WhenAll(viaA, viaB);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(await responses[0].Content.ReadAsStringAsync(), await responses[1].Content.ReadAsStringAsync());
        Assert.Equal(400m, await a.BalanceAsync(account, token));
        Assert.Equal(100m, await b.BalanceAsync(other, token));
    }

    [Fact]
    public async Task IdentityNumber_RegisteredConcurrentlyOnBothSilos_IsUniqueAcrossTheCluster()
    {
        var clusterId = "kyc-" + Guid.NewGuid().ToString("N")[..8];
        await using var first = PostgresDatabase.Node(clusterId);
        await using var second = PostgresDatabase.Node(clusterId);
        var clients = new[] { first.CreateClient(), second.CreateClient() };
        await WaitForActiveSilosAsync(first, 2);
        var idNumber = TestData.IdNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => clients[i % 2].PostAsJsonAsync("/customers", new
        {
            name = "Concurrent",
            idNumber,
            phone = TestData.Phone(),
            deviceId = $"device-{i}",
        })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    private static async Task WaitForActiveSilosAsync(FinNode node, int count)
    {
        var client = node.Services.GetService(typeof(IClusterClient)) as IClusterClient ?? throw new InvalidOperationException("No cluster client.");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var hosts = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            if (hosts.Count >= count)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Only {hosts.Count} of {count} silos became active.");
            await Task.Delay(250);
        }
    }
}
