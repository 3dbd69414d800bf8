using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// Binding a new device is a step-up: a one-time code goes to the phone, a wrong or expired one is 422, and a
/// customer's allowance of codes and wrong answers spans every payment and binding (then 429, a lock and an alert).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DeviceBindingStepUpTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task BindDevice_ChallengeThenCode_BindsAndRecordsRiskSignal()
    {
        var (id, token) = await _api.NewCustomerAsync();

        using var challenged = await Bind(id, token, "phone-2");
        var code = await LatestCodeAsync(id);
        using var bound = await Bind(id, token, "phone-2", code);

        Assert.Equal(HttpStatusCode.Accepted, challenged.StatusCode);
        Assert.Equal("ChallengeRequired", (await challenged.ReadJsonAsync()).Str("status"));
        Assert.Equal(HttpStatusCode.NoContent, bound.StatusCode);
        Assert.Contains("phone-2", await DevicesAsync(id, token));
        await WaitForSignalAsync(id, "phone-2");
    }

    [Fact]
    public async Task BindDevice_WrongCode_Is422AndNotBound()
    {
        var (id, token) = await _api.NewCustomerAsync();
        using var _ = await Bind(id, token, "phone-2");
        var code = await LatestCodeAsync(id);

        using var response = await Bind(id, token, "phone-2", code == "000000" ? "111111" : "000000");

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "one-time-code-refused");
        Assert.DoesNotContain("phone-2", await DevicesAsync(id, token));
    }

    [Fact]
    public async Task BindDevice_CodeNeverSent_Is422()
    {
        var (id, token) = await _api.NewCustomerAsync();

        using var response = await Bind(id, token, "phone-2", "123456");

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "one-time-code-refused");
        Assert.DoesNotContain("phone-2", await DevicesAsync(id, token));
    }

    [Fact]
    public async Task BindDevice_CodeSentForAnotherDevice_Is422()
    {
        var (id, token) = await _api.NewCustomerAsync();
        using var _ = await Bind(id, token, "phone-2");
        var code = await LatestCodeAsync(id);

        using var response = await Bind(id, token, "thief-phone", code);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "one-time-code-refused");
        Assert.DoesNotContain("thief-phone", await DevicesAsync(id, token));
    }

    [Fact]
    public async Task BindDevice_ByOperator_BindsWithoutCode()
    {
        var (id, token) = await _api.NewCustomerAsync();

        using var response = await Bind(id, fixture.OperatorToken, "branch-tablet");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Contains("branch-tablet", await DevicesAsync(id, token));
    }

    [Fact]
    public async Task BindDevice_TooManyCodes_Is429ThenPaymentsAreLockedAndAlertRaised()
    {
        var holder = await _api.FundedAccountAsync(300m);
        var payee = await _api.FundedAccountAsync(0m);
        for (var i = 0; i < 10; i++)
        {
            using var challenged = await Bind(holder.CustomerId, holder.Token, $"phone-{i}");
            Assert.Equal(HttpStatusCode.Accepted, challenged.StatusCode);
        }

        using var locked = await Bind(holder.CustomerId, holder.Token, "phone-10");
        var payment = await (await _api.PayAsync(holder.Token, holder.AccountId, payee.AccountId, 40m, deviceId: "unbound-phone")).ReadJsonAsync();

        await FinApiClient.AssertProblemAsync(locked, HttpStatusCode.TooManyRequests, "step-up-locked");
        Assert.NotNull(locked.Headers.RetryAfter);
        Assert.Equal("Declined", payment.Str("status"));
        Assert.Contains(payment.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "OTP_LOCKED");
        Assert.Equal(300m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        var alerts = await _api.GetJsonAsync($"/risk/alerts?kind=StepUpLocked&customerId={holder.CustomerId}", fixture.RiskOfficerToken);
        Assert.Single(alerts.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Pay_WrongCodesAcrossNewIdempotencyKeys_LockAfterSixAndDecline()
    {
        var holder = await _api.FundedAccountAsync(300m);
        var payee = await _api.FundedAccountAsync(0m);
        var outcomes = new List<JsonElement>();
        for (var i = 0; i < 6; i++)
        {
            var key = ApiSteps.NewKey();
            await _api.PayAsync(holder.Token, holder.AccountId, payee.AccountId, 40m, key: key, deviceId: "unbound-phone");
            var code = await LatestCodeAsync(holder.CustomerId);
            outcomes.Add(await (await PayWithCode(holder, payee, key, code == "000000" ? "111111" : "000000")).ReadJsonAsync());
        }

        var fresh = ApiSteps.NewKey();
        var afterLock = await (await _api.PayAsync(holder.Token, holder.AccountId, payee.AccountId, 40m, key: fresh, deviceId: "unbound-phone")).ReadJsonAsync();

        Assert.All(outcomes.Take(5), o => Assert.Equal("ChallengeRequired", o.Str("status")));
        Assert.Equal("Declined", outcomes[5].Str("status"));
        Assert.Equal("Declined", afterLock.Str("status"));
        Assert.Contains(afterLock.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "OTP_LOCKED");
        Assert.Equal(300m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    private Task<HttpResponseMessage> Bind(string customerId, string token, string deviceId, string? otp = null) =>
        _api.SendAsync(HttpMethod.Post, $"/customers/{customerId}/devices", token, new { deviceId, otp });

    private Task<HttpResponseMessage> PayWithCode(Holder payer, Holder payee, string key, string otp) =>
        _api.SendAsync(HttpMethod.Post, "/payments", payer.Token,
            new { fromAccountId = payer.AccountId, toAccountId = payee.AccountId, amount = 40m, currency = "CNY", channel = "app", deviceId = "unbound-phone", otp }, key);

    private async Task<string> LatestCodeAsync(string customerId) =>
        (await _api.GetJsonAsync($"/customers/{customerId}/otp", fixture.OperatorToken)).Str("code");

    private async Task<List<string?>> DevicesAsync(string customerId, string token) =>
        [.. (await _api.GetJsonAsync($"/customers/{customerId}", token)).GetProperty("boundDevices").EnumerateArray().Select(d => d.GetString())];

    private async Task WaitForSignalAsync(string customerId, string deviceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var profile = await _api.GetJsonAsync($"/risk/customers/{customerId}", fixture.RiskOfficerToken);
            if (profile.GetProperty("recentSignals").ToString().Contains(deviceId, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no risk signal for the binding: {profile}");
            await Task.Delay(200);
        }
    }
}
