using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class DepositWithdrawalTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Deposit_Valid_Is201CompletedWithNewBalance()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var first = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 100.25m);
        var second = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 0.75m);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var deposit = await second.ReadJsonAsync();
        Assert.StartsWith("dep_", deposit.Str("id"), StringComparison.Ordinal);
        Assert.Equal("Completed", deposit.Str("status"));
        Assert.Equal(101m, deposit.GetProperty("balance").GetDecimal());
        Assert.Equal(0.75m, deposit.Amount());
        Assert.Equal("CNY", deposit.Str("currency"));
        Assert.Equal(101m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        var entries = await _api.AllEntriesAsync(holder.AccountId, holder.Token);
        Assert.Equal(2, entries.Count);
        Assert.Equal(deposit.Str("id"), entries[0].Reference());
        Assert.Equal("Deposit", entries[0].Kind());
    }

    [Fact]
    public async Task Withdraw_Valid_Is201CompletedWithNewBalance()
    {
        var holder = await _api.FundedAccountAsync(100m);

        var response = await _api.WithdrawAsync(holder.Token, holder.AccountId, 40.10m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var withdrawal = await response.ReadJsonAsync();
        Assert.StartsWith("wdr_", withdrawal.Str("id"), StringComparison.Ordinal);
        Assert.Equal("Completed", withdrawal.Str("status"));
        Assert.Equal(59.90m, withdrawal.GetProperty("balance").GetDecimal());
        Assert.Equal(59.90m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        var newest = (await _api.AllEntriesAsync(holder.AccountId, holder.Token))[0];
        Assert.Equal("Withdrawal", newest.Kind());
        Assert.Equal(-40.10m, newest.Amount());
        Assert.Equal(withdrawal.Str("id"), newest.Reference());
    }

    [Fact]
    public async Task Withdraw_AboveBalance_IsDeclinedInsufficientFundsAndLeavesBalance()
    {
        var holder = await _api.FundedAccountAsync(50m);

        var response = await _api.WithdrawAsync(holder.Token, holder.AccountId, 50.01m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var withdrawal = await response.ReadJsonAsync();
        Assert.Equal("Declined", withdrawal.Str("status"));
        Assert.Equal("InsufficientFunds", withdrawal.Str("declineReason"));
        Assert.Equal(50m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Single(await _api.AllEntriesAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Withdraw_WholeBalance_IsCompletedToZero()
    {
        var holder = await _api.FundedAccountAsync(50m);

        var withdrawal = await (await _api.WithdrawAsync(holder.Token, holder.AccountId, 50m)).ReadJsonAsync();

        Assert.Equal("Completed", withdrawal.Str("status"));
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Deposit_ToAnotherCustomersAccount_Is403()
    {
        var owner = await _api.FundedAccountAsync(0m);
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.DepositResponseAsync(token, owner.AccountId, 10m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0m, await _api.BalanceAsync(owner.AccountId, owner.Token));
    }

    [Fact]
    public async Task Withdraw_FromAnotherCustomersAccount_Is403()
    {
        var owner = await _api.FundedAccountAsync(100m);
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.WithdrawAsync(token, owner.AccountId, 10m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(100m, await _api.BalanceAsync(owner.AccountId, owner.Token));
    }

    [Fact]
    public async Task Deposit_ByStaff_Is403()
    {
        var owner = await _api.FundedAccountAsync(0m);

        var response = await _api.DepositResponseAsync(fixture.OperatorToken, owner.AccountId, 10m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Deposit_UnknownAccount_Is404()
    {
        var (_, token) = await _api.NewCustomerAsync();

        var response = await _api.DepositResponseAsync(token, ApiSteps.UnknownAccountId, 10m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Deposit_MissingIdempotencyKey_Is400()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token, new { amount = 10m, channel = "bank-transfer" });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Withdraw_MissingIdempotencyKey_Is400()
    {
        var holder = await _api.FundedAccountAsync(20m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/withdrawals", holder.Token, new { amount = 10m });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
    }

    [Fact]
    public async Task Deposit_IdempotencyKeyOf65Characters_Is400AndOf64Is201()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var tooLong = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 10m, new string('k', 65));
        var longest = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 10m, new string('k', 64));

        var problem = await FinApiClient.AssertProblemAsync(tooLong, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Equal(HttpStatusCode.Created, longest.StatusCode);
        Assert.Equal(10m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Deposit_ReplayedWithSameKeyAndBody_ReturnsIdenticalResponseAndMovesMoneyOnce()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();

        var first = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 75m, key);
        await _api.DepositResponseAsync(holder.Token, holder.AccountId, 5m);
        var replay = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 75m, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(80m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Equal(2, (await _api.AllEntriesAsync(holder.AccountId, holder.Token)).Count);
    }

    [Fact]
    public async Task Withdraw_ReplayedWithSameKeyAndBody_ReturnsIdenticalResponseAndMovesMoneyOnce()
    {
        var holder = await _api.FundedAccountAsync(100m);
        var key = ApiSteps.NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _api.WithdrawAsync(holder.Token, holder.AccountId, 30m, key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(70m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Deposit_SameKeyOtherBody_Is409IdempotencyConflict()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();
        await _api.DepositResponseAsync(holder.Token, holder.AccountId, 75m, key);

        var reused = await _api.DepositResponseAsync(holder.Token, holder.AccountId, 76m, key);

        await FinApiClient.AssertProblemAsync(reused, HttpStatusCode.Conflict, "idempotency-conflict");
        Assert.Equal(75m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Withdraw_SameKeyOtherBody_Is409IdempotencyConflict()
    {
        var holder = await _api.FundedAccountAsync(100m);
        var key = ApiSteps.NewKey();
        await _api.WithdrawAsync(holder.Token, holder.AccountId, 10m, key);

        var reused = await _api.WithdrawAsync(holder.Token, holder.AccountId, 20m, key);

        await FinApiClient.AssertProblemAsync(reused, HttpStatusCode.Conflict, "idempotency-conflict");
        Assert.Equal(90m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.234")]
    [InlineData("1000000000.01")]
    [InlineData("null")]
    public async Task Deposit_InvalidAmount_Is400Validation(string amount)
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token,
            $$"""{"amount": {{amount}}, "channel": "bank-transfer"}""", ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _), problem.ToString());
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("1.234")]
    [InlineData("1000000000.01")]
    public async Task Withdraw_InvalidAmount_Is400Validation(string amount)
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/withdrawals", holder.Token,
            $$"""{"amount": {{amount}}}""", ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _), problem.ToString());
    }

    [Fact]
    public async Task Deposit_MaximumAmount_Is201()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token,
            """{"amount": 1000000000.00, "channel": "bank-transfer"}""", ApiSteps.NewKey());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(1_000_000_000m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Theory]
    [InlineData("""{"amount": "abc", "channel": "bank-transfer"}""")]
    [InlineData("""{"amount": 10, "channel": "bank-transfer" """)]
    [InlineData("""{"amount": 1e40, "channel": "bank-transfer"}""")]
    [InlineData("not json at all")]
    [InlineData("")]
    public async Task Deposit_MalformedBody_Is400MalformedRequest(string body)
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token, body, ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "malformed-request");
        Assert.False(problem.TryGetProperty("exception", out _));
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Deposit_AmountAsNumericString_Is400()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token,
            """{"amount": "10", "channel": "bank-transfer"}""", ApiSteps.NewKey());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Deposit_MissingChannel_Is400Validation()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/deposits", holder.Token, """{"amount": 10}""", ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(JsonValueKind.Object, problem.GetProperty("errors").ValueKind);
    }
}
