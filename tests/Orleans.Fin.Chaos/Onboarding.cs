using System.Globalization;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Chaos;

/// <summary>
/// Onboards the run's customers through the REST API before any silo is killed: a funded CNY account
/// each, a funded USD account for every third (so payments cross currencies), and a thinly funded
/// CNY account for every seventh (so some payments are declined for insufficient funds).
/// </summary>
public static class Onboarding
{
    public static async Task<IReadOnlyList<ChaosCustomer>> RunAsync(ChaosApi api, TokenIssuer tokens, int count)
    {
        var customers = new ChaosCustomer[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
        {
            var device = "chaos-device-" + Guid.NewGuid().ToString("N")[..12];
            var created = await api.RequireAsync(HttpMethod.Post, "/customers", null, Json(new
            {
                name = "Chaos Customer " + i.ToString(CultureInfo.InvariantCulture),
                idNumber = TestData.IdNumber(),
                phone = TestData.Phone(),
                deviceId = device,
            }));
            var customerId = created.GetProperty("id").GetString()!;
            var token = await tokens.IssueAsync(customerId, "customer");
            List<ChaosAccount> accounts = [await OpenFundedAsync(api, customerId, token, "CNY", i % 7 == 3 ? 25m : 500_000m)];
            if (i % 3 == 1)
            {
                accounts.Add(await OpenFundedAsync(api, customerId, token, "USD", 20_000m));
            }

            customers[i] = new ChaosCustomer(customerId, token, device, accounts);
        });
        return customers;
    }

    public static string Json(object value) => JsonSerializer.Serialize(value);

    private static async Task<ChaosAccount> OpenFundedAsync(ChaosApi api, string customerId, string token, string currency, decimal deposit)
    {
        var account = await api.RequireAsync(HttpMethod.Post, "/accounts", token, Json(new { customerId, currency }));
        var accountId = account.GetProperty("id").GetString()!;
        var deposited = await api.RequireAsync(
            HttpMethod.Post, $"/accounts/{accountId}/deposits", token, Json(new { amount = deposit, channel = "bank-transfer" }), Guid.NewGuid().ToString("N"));
        return new ChaosAccount(accountId, customerId, currency, deposit, deposited.GetProperty("id").GetString()!);
    }
}
