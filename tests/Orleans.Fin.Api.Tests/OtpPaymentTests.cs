using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>A payment from a device the customer has not bound asks for a one-time code; repeating it with the code completes it.</summary>
[Collection(ApiCollection.Name)]
public sealed class OtpPaymentTests(FinNodeFixture fixture)
{
    private const string NewPhone = "new-phone";
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Pay_FromUnboundDevice_ChallengeThenOtp_Completes()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();

        var challenged = await (await PayAsync(payer, payee, key)).ReadJsonAsync();
        var replayed = await (await PayAsync(payer, payee, key)).ReadJsonAsync();
        var otp = (await _api.GetJsonAsync($"/customers/{payer.CustomerId}/otp", fixture.OperatorToken));
        var completedResponse = await PayAsync(payer, payee, key, otp.Str("code"));
        var completed = await completedResponse.ReadJsonAsync();
        var again = await (await PayAsync(payer, payee, key, otp.Str("code"))).ReadJsonAsync();

        Assert.Equal("ChallengeRequired", challenged.Str("status"));
        Assert.Contains(challenged.GetProperty("reasons").EnumerateArray(), r => r.GetString() == "OTP_SENT");
        Assert.True(challenged.GetProperty("riskScore").GetInt32() > 0);
        Assert.Equal("ChallengeRequired", replayed.Str("status"));
        Assert.Equal(challenged.Str("id"), otp.Str("reference"));
        Assert.Matches("^[0-9]{6}$", otp.Str("code"));
        Assert.Equal(HttpStatusCode.Created, completedResponse.StatusCode);
        Assert.Equal("Completed", completed.Str("status"));
        Assert.Equal(challenged.Str("id"), completed.Str("id"));
        Assert.Equal("Completed", again.Str("status"));
        Assert.Equal(60m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(40m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }

    [Fact]
    public async Task Pay_WithWrongOtp_StaysChallengedAndMovesNothing()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();
        await PayAsync(payer, payee, key);
        var code = (await _api.GetJsonAsync($"/customers/{payer.CustomerId}/otp", fixture.RiskOfficerToken)).Str("code");
        var wrong = code == "000000" ? "111111" : "000000";

        var response = await (await PayAsync(payer, payee, key, wrong)).ReadJsonAsync();

        Assert.Equal("ChallengeRequired", response.Str("status"));
        Assert.Contains(response.GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("OTP_INCORRECT", StringComparison.Ordinal));
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task GetOtp_ByCustomer_Is403()
    {
        var payer = await _api.FundedAccountAsync(100m);

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{payer.CustomerId}/otp", payer.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetOtp_NoneSent_Is404()
    {
        var payer = await _api.FundedAccountAsync(1m);

        var response = await _api.SendAsync(HttpMethod.Get, $"/customers/{payer.CustomerId}/otp", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private Task<HttpResponseMessage> PayAsync(Holder payer, Holder payee, string key, string? otp = null) =>
        _api.SendAsync(HttpMethod.Post, "/payments", payer.Token,
            new { fromAccountId = payer.AccountId, toAccountId = payee.AccountId, amount = 40m, currency = "CNY", channel = "app", deviceId = NewPhone, otp }, key);
}
