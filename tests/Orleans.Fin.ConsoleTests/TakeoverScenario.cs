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
        await SeenAsync(api, staffToken, victim, 2); // the deposit and the login at home reach the risk grain through the activity stream
        var attackerDevice = $"attacker-{Guid.NewGuid():N}"; // each attacker brings a phone no other test has used
        await LoginAsync(api, victim, token, attackerDevice, "Urumqi");
        await SeenAsync(api, staffToken, victim, 3); // the payments are scored against a profile that holds the login from far away
        var payments = new List<JsonElement>();
        foreach (var payee in payees.Concat(payees))
        {
            using var response = await api.PayAsync(token, account, payee, 20_000m, deviceId: attackerDevice);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            payments.Add(await response.Content.ReadFromJsonAsync<JsonElement>());
        }

        string? caseId = null;
        await EventuallyAsync(async () =>
        {
            var profile = await api.GetJsonAsync($"/risk/customers/{victim}", staffToken);
            caseId = profile.GetProperty("openCaseId") is { ValueKind: JsonValueKind.String } id ? id.GetString() : null;
            return caseId is not null;
        }, "the takeover opened a case");

        // Each payment with an outcome (a challenged one has none yet) reaches the risk grain on the stream after its
        // answer. The tests go on to resolve the case: an event scored after that would be judged anew and could freeze again.
        await SeenAsync(api, staffToken, victim, 3 + payments.Count(p => p.GetProperty("status").GetString() != "ChallengeRequired"));
        return new TakeoverScenario(victim, token, account, savings, caseId!, payments);
    }

    private static Task SeenAsync(FinApiClient api, string staffToken, string customerId, long events) =>
        EventuallyAsync(
            async () => (await api.GetJsonAsync($"/risk/customers/{customerId}", staffToken)).GetProperty("observedEvents").GetInt64() >= events,
            $"the risk engine has taken in {events} events of {customerId}");

    private static async Task LoginAsync(FinApiClient api, string customerId, string token, string deviceId, string city)
    {
        using var response = await api.SendAsync(HttpMethod.Post, $"/customers/{customerId}/logins", token,
            new { deviceId, ip = "203.0.113.7", country = "CN", city });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private static async Task EventuallyAsync(Func<Task<bool>> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after 30 s waiting until {what}.");
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
