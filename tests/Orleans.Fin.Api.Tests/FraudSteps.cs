using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>Steps of the fraud-pattern and ordinary-persona scenarios: payments with place and device, codes, waiting for the engine.</summary>
internal sealed class FraudSteps(FinNodeFixture fixture)
{
    public const string Home = "Shanghai";
    public const string HomePhone = "device-1";

    public FinApiClient Api => fixture.Api;

    /// <summary>
    /// Pays and, when a one-time code is asked for and <paramref name="enterCode"/>, repeats with the code sent to the
    /// phone (the customer has it; so does a thief who swapped the SIM). Returns the final payment.
    /// </summary>
    public async Task<JsonElement> PayAsync(
        Holder payer, string toAccountId, decimal amount, string device = HomePhone, string? city = Home, string? merchantCategory = null, bool enterCode = true)
    {
        var key = ApiSteps.NewKey();
        var payment = await SendPaymentAsync(payer, toAccountId, amount, device, city, merchantCategory, otp: null, key);
        if (enterCode && payment.Str("status") == "ChallengeRequired")
        {
            var code = (await Api.GetJsonAsync($"/customers/{payer.CustomerId}/otp", fixture.OperatorToken)).Str("code");
            payment = await SendPaymentAsync(payer, toAccountId, amount, device, city, merchantCategory, code, key);
        }

        return payment;
    }

    /// <summary>A customer with a history the engine has taken in: six payments of 80–130 CNY to a friend from the home phone.</summary>
    public async Task<Holder> EstablishedAsync(decimal savings)
    {
        var holder = await Api.FundedAccountAsync(savings);
        var friend = await Api.FundedAccountAsync(0m);
        var events = 1; // the deposit
        foreach (var amount in new[] { 80m, 95m, 110m, 130m, 100m, 85m })
        {
            Assert.Equal("Completed", (await PayAsync(holder, friend.AccountId, amount)).Str("status"));
            await SeenAsync(holder.CustomerId, ++events); // taken in before the next payment: what the engine knows does not depend on timing
        }

        return holder;
    }

    public async Task LoginAsync(Holder holder, string device, string? city)
    {
        var response = await Api.SendAsync(HttpMethod.Post, $"/customers/{holder.CustomerId}/logins", holder.Token,
            new { deviceId = device, ip = "198.51.100.7", country = "CN", city });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    /// <summary>Binds a device, answering the one-time code when binding asks for one.</summary>
    public async Task BindAsync(Holder holder, string device)
    {
        var path = $"/customers/{holder.CustomerId}/devices";
        var response = await Api.SendAsync(HttpMethod.Post, path, holder.Token, new { deviceId = device });
        if (response.StatusCode == HttpStatusCode.Accepted)
        {
            var code = (await Api.GetJsonAsync($"/customers/{holder.CustomerId}/otp", fixture.OperatorToken)).Str("code");
            response = await Api.SendAsync(HttpMethod.Post, path, holder.Token, new { deviceId = device, otp = code });
        }

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);

        // The customer tells its risk grain of the binding one-way; until that lands, a payment from the device is scored
        // as from an unbound one (a different step-up, no binding risk).
        await EventuallyAsync(
            async () => (await RiskAsync(holder.CustomerId)).GetProperty("recentSignals").EnumerateArray()
                .Any(s => s.Str("source") == "binding" && s.Str("description").Contains(device, StringComparison.Ordinal)),
            $"the risk engine has taken in the binding of {device}");
    }

    public Task<JsonElement> RiskAsync(string customerId) => Api.GetJsonAsync($"/risk/customers/{customerId}", fixture.RiskOfficerToken);

    public async Task<string> AccountStatusAsync(Holder holder) =>
        (await Api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.OperatorToken)).Str("status");

    /// <summary>Waits until the risk engine has taken in at least <paramref name="events"/> activity events of the customer.</summary>
    public Task SeenAsync(string customerId, long events) =>
        EventuallyAsync(async () => (await RiskAsync(customerId)).GetProperty("observedEvents").GetInt64() >= events, $"{events} events of {customerId} are seen");

    public static async Task EventuallyAsync(Func<Task<bool>> done, string what, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(50);
        }
    }

    public static bool HasReason(JsonElement payment, string reason) =>
        payment.GetProperty("reasons").EnumerateArray().Any(r => r.GetString() == reason);

    private async Task<JsonElement> SendPaymentAsync(
        Holder payer, string toAccountId, decimal amount, string device, string? city, string? merchantCategory, string? otp, string key)
    {
        var response = await Api.SendAsync(HttpMethod.Post, "/payments", payer.Token, new
        {
            fromAccountId = payer.AccountId,
            toAccountId,
            amount,
            currency = "CNY",
            channel = "app",
            deviceId = device,
            ip = "198.51.100.7",
            country = "CN",
            city,
            merchantCategory,
            otp,
        }, key);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
