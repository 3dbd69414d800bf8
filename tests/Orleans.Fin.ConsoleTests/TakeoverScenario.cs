using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ConsoleTests;

/// <summary>
/// An account takeover produced through the REST API only: the victim logs in at home, then from a new phone far away,
/// and tries to send large sums to three fresh payees. The risk engine freezes the victim and opens a case.
/// </summary>
public sealed record TakeoverScenario(
    string CustomerId, string CustomerToken, string AccountId, string SavingsAccountId, string CaseId, IReadOnlyList<JsonElement> Payments)
{
    public const decimal Deposit = 200_000m;

    public static async Task<TakeoverScenario> RunAsync(FinApiClient api, string staffToken)
    {
        var (victim, token) = await api.NewCustomerAsync();
        var account = await api.OpenAccountAsync(token, victim);
        var savings = await api.OpenAccountAsync(token, victim, "USD");
        await api.DepositAsync(token, account, Deposit);
        var payees = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (payee, payeeToken) = await api.NewCustomerAsync();
            payees.Add(await api.OpenAccountAsync(payeeToken, payee));
        }

        await LoginAsync(api, victim, token, "device-1", "Shanghai");
        await Task.Delay(TimeSpan.FromSeconds(1)); // the login reaches the risk grain through the activity stream
        var attackerDevice = $"attacker-{Guid.NewGuid():N}"; // each attacker brings a phone no other test has used
        await LoginAsync(api, victim, token, attackerDevice, "Urumqi");
        var payments = new List<JsonElement>();
        foreach (var payee in payees.Concat(payees))
        {
            using var response = await api.PayAsync(token, account, payee, 20_000m, deviceId: attackerDevice);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            payments.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        var caseId = await EventuallyAsync(async () =>
        {
            var profile = await api.GetJsonAsync($"/risk/customers/{victim}", staffToken);
            return profile.GetProperty("openCaseId") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;
        });
        return new TakeoverScenario(victim, token, account, savings, caseId, payments);
    }

    private static async Task LoginAsync(FinApiClient api, string customerId, string token, string deviceId, string city)
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"/customers/{customerId}/logins", token,
            new { deviceId, ip = "203.0.113.7", country = "CN", city });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task<string> EventuallyAsync(Func<Task<string?>> probe)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The takeover opened no case within 30 s.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Resolves the takeover's case as confirmed fraud, so its stopped payments count towards interception.</summary>
    public async Task ConfirmFraudAsync(FinApiClient api, string riskOfficerToken)
    {
        using var resolved = await api.SendAsync(HttpMethod.Post, $"/risk/cases/{CaseId}/resolve", riskOfficerToken,
            new { outcome = "ConfirmedFraud", note = "the customer confirmed the takeover" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
    }
}
