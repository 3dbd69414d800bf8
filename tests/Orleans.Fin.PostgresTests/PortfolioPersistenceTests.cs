using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.PostgresTests;

public sealed class PortfolioPersistenceTests
{
    private static readonly int[] BalancedAnswers = [3, 3, 3, 3, 3]; // C3

    [Fact]
    public async Task Portfolio_AfterFullRestart_KeepsUnitsCashOrdersAndChangesAsPlainJson()
    {
        var clusterId = "portfolio-" + Guid.NewGuid().ToString("N")[..8];
        string customer, token, account, portfolio, firstOrder;
        JsonElement before;
        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            (customer, token) = await api.NewCustomerAsync();
            account = await api.OpenAccountAsync(token, customer);
            await api.DepositAsync(token, account, 10_000m);
            portfolio = (await ReadCreatedAsync(api.SendAsync(HttpMethod.Post, "/portfolios", token, new
            {
                customerId = customer,
                accountId = account,
                answers = BalancedAnswers,
                goal = "Growth",
                horizonYears = 10,
            }))).GetProperty("id").GetString()!;
            firstOrder = (await ReadCreatedAsync(Subscribe(api, token, portfolio, 1_234.57m, "BAL-01", "pf-sub-1"))).GetProperty("id").GetString()!;
            await ReadCreatedAsync(Subscribe(api, token, portfolio, 2_000m, null, "pf-sub-2"));
            await ReadCreatedAsync(api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolio}/redemptions", token, new { amount = 333.33m }, "pf-rdm-1"));
            before = await api.GetJsonAsync($"/portfolios/{portfolio}", token);
        }

        var stored = await PortfolioPayloadAsync(clusterId, customer);
        Assert.Equal(3, stored.GetProperty("Orders").EnumerateObject().Count());
        Assert.Equal([1_234.57m, 2_000m, -333.33m], stored.GetProperty("Changes").EnumerateArray().Select(c => c.GetProperty("Flow").GetDecimal()));
        Assert.Equal(2_901.24m, stored.GetProperty("NetInvested").GetDecimal());
        Assert.Equal(before.GetProperty("cash").GetDecimal(), stored.GetProperty("Cash").GetDecimal());
        Assert.Equal(
            Units(before),
            stored.GetProperty("Units").EnumerateObject().OrderBy(u => u.Name, StringComparer.Ordinal).Select(u => (u.Name, u.Value.GetDecimal())));

        await using (var node = PostgresDatabase.Node(clusterId))
        {
            var api = node.Api();
            var after = await api.GetJsonAsync($"/portfolios/{portfolio}", token);
            Assert.Equal(Units(before), Units(after));
            Assert.Equal(before.GetProperty("cash").GetDecimal(), after.GetProperty("cash").GetDecimal());
            Assert.Equal(2_901.24m, after.GetProperty("netInvested").GetDecimal());
            Assert.Equal("Completed", (await api.GetJsonAsync($"/portfolios/{portfolio}/orders/{firstOrder}", token)).GetProperty("status").GetString());

            var replay = await ReadCreatedAsync(Subscribe(api, token, portfolio, 1_234.57m, "BAL-01", "pf-sub-1"));
            Assert.Equal(firstOrder, replay.GetProperty("id").GetString());
            Assert.Equal(10_000m - 2_901.24m, await api.BalanceAsync(account, token));
            await ReadCreatedAsync(api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolio}/redemptions", token, new { amount = 100m }, "pf-rdm-2"));
        }

        var restarted = await PortfolioPayloadAsync(clusterId, customer);
        Assert.Equal(4, restarted.GetProperty("Orders").EnumerateObject().Count());
        Assert.Equal(4, restarted.GetProperty("Changes").GetArrayLength()); // appended to the history read back, not a new one
        Assert.Equal(2_801.24m, restarted.GetProperty("NetInvested").GetDecimal());
    }

    private static Task<HttpResponseMessage> Subscribe(FinApiClient api, string token, string portfolio, decimal amount, string? productId, string key) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolio}/subscriptions", token, new { amount, productId }, key);

    private static async Task<JsonElement> ReadCreatedAsync(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static IEnumerable<(string, decimal)> Units(JsonElement view) =>
        [.. view.GetProperty("holdings").EnumerateArray()
            .Select(h => (h.GetProperty("productId").GetString()!, h.GetProperty("units").GetDecimal()))
            .OrderBy(h => h.Item1, StringComparer.Ordinal)];

    /// <summary>The stored portfolio state of the customer: plain JSON, no CLR type names.</summary>
    private static async Task<JsonElement> PortfolioPayloadAsync(string clusterId, string customer)
    {
        var payloads = await PostgresDatabase.PayloadsAsync(clusterId);
        var state = payloads.Single(p => p.Contains("\"Changes\"", StringComparison.Ordinal) && p.Contains(customer, StringComparison.Ordinal));
        Assert.DoesNotContain("$type", state, StringComparison.Ordinal);
        Assert.DoesNotContain("Orleans.Fin", state, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(state);
        return json.RootElement.Clone();
    }
}
