using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class FreezeTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Freeze_ByCustomer_Is403()
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/freeze", holder.Token, new { reason = "me" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Active", (await _api.GetJsonAsync($"/accounts/{holder.AccountId}", holder.Token)).Str("status"));
    }

    [Fact]
    public async Task Unfreeze_ByCustomer_Is403()
    {
        var holder = await _api.FundedAccountAsync(10m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/unfreeze", holder.Token, new { reason = "me" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Frozen", (await _api.GetJsonAsync($"/accounts/{holder.AccountId}", holder.Token)).Str("status"));
    }

    [Theory]
    [InlineData("operator", FinNodeFixture.OperatorSubject)]
    [InlineData("risk-officer", FinNodeFixture.RiskOfficerSubject)]
    public async Task Freeze_ByStaff_Is200WithReasonTimeAndAuthor(string role, string subject)
    {
        var holder = await _api.FundedAccountAsync(10m);
        var token = role == "operator" ? fixture.OperatorToken : fixture.RiskOfficerToken;
        var before = (await _api.BusinessNowAsync(fixture.OperatorToken)).AddSeconds(-1);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/freeze", token, new { reason = "  card skimming  " });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await response.ReadJsonAsync();
        Assert.Equal("Frozen", account.Str("status"));
        Assert.Equal("card skimming", account.Str("freezeReason"));
        Assert.Equal(subject, account.Str("frozenBy"));
        var frozenAt = account.GetProperty("frozenAt").GetDateTimeOffset();
        Assert.InRange(frozenAt, before, (await _api.BusinessNowAsync(fixture.OperatorToken)).AddSeconds(1));
        Assert.Equal(0m, account.GetProperty("availableBalance").GetDecimal());
        Assert.Equal(10m, account.GetProperty("balance").GetDecimal());

        var seen = await _api.GetJsonAsync($"/accounts/{holder.AccountId}", holder.Token);
        Assert.Equal("Frozen", seen.Str("status"));
        Assert.Equal("card skimming", seen.Str("freezeReason"));
        Assert.Equal(frozenAt, seen.GetProperty("frozenAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("risk-officer")]
    public async Task Unfreeze_ByStaff_Is200AndClearsFreeze(string role)
    {
        var holder = await _api.FundedAccountAsync(10m);
        var token = role == "operator" ? fixture.OperatorToken : fixture.RiskOfficerToken;
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/unfreeze", token, new { reason = "false positive" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var account = await response.ReadJsonAsync();
        Assert.Equal("Active", account.Str("status"));
        Assert.True(account.GetProperty("freezeReason").ValueKind == JsonValueKind.Null);
        Assert.True(account.GetProperty("frozenAt").ValueKind == JsonValueKind.Null);
        Assert.Equal(10m, account.GetProperty("availableBalance").GetDecimal());
    }

    [Fact]
    public async Task Freeze_MissingReason_Is400()
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/freeze", fixture.OperatorToken, new { reason = "" });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Freeze_UnknownAccount_Is404()
    {
        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{ApiSteps.UnknownAccountId}/freeze", fixture.OperatorToken, new { reason = "x" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Pay_FromFrozenAccount_IsDeclinedAccountFrozenAndMovesNothing()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        await _api.FreezeAsync(fixture.RiskOfficerToken, payer.AccountId);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 10m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.ReadJsonAsync();
        Assert.Equal("Declined", payment.Str("status"));
        Assert.Equal("AccountFrozen", payment.Str("declineReason"));
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(0m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }

    [Fact]
    public async Task Withdraw_FromFrozenAccount_IsDeclinedAccountFrozen()
    {
        var holder = await _api.FundedAccountAsync(100m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var response = await _api.WithdrawAsync(holder.Token, holder.AccountId, 10m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var withdrawal = await response.ReadJsonAsync();
        Assert.Equal("Declined", withdrawal.Str("status"));
        Assert.Equal("AccountFrozen", withdrawal.Str("declineReason"));
        Assert.Equal(100m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Pay_ToFrozenAccount_IsCompleted()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(5m);
        await _api.FreezeAsync(fixture.OperatorToken, payee.AccountId);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 40m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Completed", (await response.ReadJsonAsync()).Str("status"));
        var account = await _api.GetJsonAsync($"/accounts/{payee.AccountId}", payee.Token);
        Assert.Equal(45m, account.GetProperty("balance").GetDecimal());
        Assert.Equal("Frozen", account.Str("status"));
    }

    [Fact]
    public async Task Deposit_ToFrozenAccount_IsCompleted()
    {
        var holder = await _api.FundedAccountAsync(5m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var deposit = await _api.DepositAsync(holder.Token, holder.AccountId, 20m);

        Assert.Equal("Completed", deposit.Str("status"));
        Assert.Equal(25m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Freeze_SystemAccount_Is422()
    {
        var response = await _api.SendAsync(HttpMethod.Post, "/accounts/sys_settlement_CNY_00/freeze", fixture.OperatorToken, new { reason = "x" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    [Fact]
    public async Task Pay_AfterUnfreeze_IsCompleted()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        await _api.FreezeAsync(fixture.OperatorToken, payer.AccountId);
        var declined = await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 30m)).ReadJsonAsync();
        Assert.Equal("Declined", declined.Str("status"));

        var unfreeze = await _api.SendAsync(HttpMethod.Post, $"/accounts/{payer.AccountId}/unfreeze", fixture.RiskOfficerToken, new { reason = "cleared" });
        Assert.Equal(HttpStatusCode.OK, unfreeze.StatusCode);
        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 30m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Completed", (await response.ReadJsonAsync()).Str("status"));
        Assert.Equal(70m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(30m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }
}
