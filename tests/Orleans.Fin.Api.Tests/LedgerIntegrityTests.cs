using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LedgerIntegrityTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GetIntegrity_AfterDepositsPaymentsAndFx_EveryCurrencySumsToZero()
    {
        var payer = await _api.FundedAccountAsync(500m);
        var payee = await _api.FundedAccountAsync(0m);
        var usd = await _api.FundedAccountAsync(0m, "USD");
        Assert.Equal(HttpStatusCode.Created, (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 120m)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _api.PayAsync(payer.Token, payer.AccountId, usd.AccountId, 71.05m)).StatusCode);

        var integrity = await SettledAsync(fixture.OperatorToken);

        var currencies = integrity.GetProperty("currencies").EnumerateArray().ToDictionary(c => c.Str("currency"), c => c.GetProperty("sum").GetDecimal());
        Assert.Equal(0m, currencies["CNY"]);
        Assert.Equal(0m, currencies["USD"]);
        Assert.True(integrity.GetProperty("accounts").GetInt32() >= 3);
        Assert.Equal(0, integrity.GetProperty("pendingMovements").GetInt32());
        Assert.Equal(JsonValueKind.Null, integrity.GetProperty("oldestPendingAgeSeconds").ValueKind);
    }

    [Fact]
    public async Task GetIntegrity_AsAdmin_Is200()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/ops/ledger/integrity", fixture.AdminToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetIntegrity_AsCustomer_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Get, "/ops/ledger/integrity", holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetIntegrity_Anonymous_Is401()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/ops/ledger/integrity", token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    /// <summary>The integrity report once no movement is pending (other tests' movements may still be finishing).</summary>
    private async Task<JsonElement> SettledAsync(string token)
    {
        for (var attempt = 0; ; attempt++)
        {
            var integrity = await _api.GetJsonAsync("/ops/ledger/integrity", token);
            if (integrity.GetProperty("pendingMovements").GetInt32() == 0 || attempt == 100)
            {
                return integrity;
            }

            await Task.Delay(200);
        }
    }
}
