using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.PostgresTests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task State_AfterFullRestart_IsKeptAndReplaysAreIdempotent()
    {
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        string customer, token, from, to, paymentJson;
        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            (customer, token) = await api.NewCustomerAsync();
            from = await api.OpenAccountAsync(token, customer);
            to = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, from, 12_345_678.91m);
            await api.DepositAsync(token, from, 0.01m);
            var payment = await api.PayAsync(token, from, to, 0.07m, key: "restart-pay-1");
            Assert.Equal(HttpStatusCode.Created, payment.StatusCode);
            paymentJson = await payment.Content.ReadAsStringAsync();
        }

        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            Assert.Equal(12_345_678.85m, await api.BalanceAsync(from, token));
            Assert.Equal(0.07m, await api.BalanceAsync(to, token));
            var entries = await api.GetJsonAsync($"/accounts/{from}/entries", token);
            Assert.Equal(3, entries.GetProperty("items").GetArrayLength());

            var replay = await api.PayAsync(token, from, to, 0.07m, key: "restart-pay-1");
            Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
            Assert.Equal(paymentJson, await replay.Content.ReadAsStringAsync());
            Assert.Equal(0.07m, await api.BalanceAsync(to, token));
            var profile = await api.GetJsonAsync($"/customers/{customer}", token);
            Assert.Equal(2, profile.GetProperty("accountIds").GetArrayLength());
        }
    }

    [Fact]
    public async Task State_WrittenThroughAdoNet_IsServedAndExtendedThroughGroupCommit()
    {
        var clusterId = "switch-" + Guid.NewGuid().ToString("N")[..8];
        string customer, token, from, to;
        await using (var node = PostgresDatabase.Node(clusterId, storage: "AdoNet"))
        {
            var api = node.Api();
            (customer, token) = await api.NewCustomerAsync();
            from = await api.OpenAccountAsync(token, customer);
            to = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, from, 1_000.10m);
            Assert.Equal(HttpStatusCode.Created, (await api.PayAsync(token, from, to, 0.10m, key: "switch-pay-1")).StatusCode);
        }

        await using (var node = PostgresDatabase.Node(clusterId, storage: "GroupCommit"))
        {
            var api = node.Api();
            Assert.Equal(1_000.00m, await api.BalanceAsync(from, token));
            // A deposit, not a payment: the fraud model may step up a second payment seconds after the first.
            await api.DepositAsync(token, from, 0.25m, key: "switch-deposit-2");
            Assert.Equal(1_000.25m, await api.BalanceAsync(from, token));
        }

        await using (var node = PostgresDatabase.Node(clusterId, storage: "AdoNet"))
        {
            var api = node.Api();
            Assert.Equal(1_000.25m, await api.BalanceAsync(from, token));
            Assert.Equal(0.10m, await api.BalanceAsync(to, token));
            var entries = await api.GetJsonAsync($"/accounts/{from}/entries", token);
            Assert.Equal(3, entries.GetProperty("items").GetArrayLength());
        }
    }

    [Fact]
    public async Task StoredState_HasNoClrTypeNamesAndExactDecimals()
    {
        var clusterId = "payload-" + Guid.NewGuid().ToString("N")[..8];
        await using var node = PostgresDatabase.Node(clusterId);
        var api = node.Api();
        var (customer, token) = await api.NewCustomerAsync();
        var account = await api.OpenAccountAsync(token, customer);
        await api.DepositAsync(token, account, 999_999_999.99m);

        var payloads = await PostgresDatabase.PayloadsAsync(clusterId);

        Assert.NotEmpty(payloads);
        Assert.All(payloads.Where(p => p.Contains("\"SchemaVersion\"", StringComparison.Ordinal)), p =>
        {
            Assert.DoesNotContain("$type", p, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"Orleans\.Fin(\.\w+)+, Orleans\.Fin", p); // no assembly-qualified CLR type names
        });
        var accountState = payloads.Single(p => p.Contains("\"Balance\":999999999.99", StringComparison.Ordinal) && p.Contains(customer, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(accountState);
        Assert.Equal(999_999_999.99m, json.RootElement.GetProperty("Balance").GetDecimal());
    }
}
