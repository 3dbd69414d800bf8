using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class PaymentTests(FinNodeFixture fixture)
{
    // 1 / 7.1050 (CNY per USD in the default rate table), rounded to 6 places.
    private const decimal CnyToUsd = 0.140746m;

    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Pay_SameCurrency_IsCompletedAndPostsBothSides()
    {
        var payer = await _api.FundedAccountAsync(500m);
        var payee = await _api.FundedAccountAsync(20m);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 123.45m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.ReadJsonAsync();
        var id = payment.Str("id");
        Assert.StartsWith("pay_", id, StringComparison.Ordinal);
        Assert.Equal($"/payments/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Completed", payment.Str("status"));
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("declineReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, payment.GetProperty("fx").ValueKind);
        Assert.True(payment.TryGetProperty("riskLevel", out _));
        Assert.True(payment.TryGetProperty("riskScore", out _));
        Assert.Equal(JsonValueKind.Array, payment.GetProperty("reasons").ValueKind);
        Assert.Equal(376.55m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(143.45m, await _api.BalanceAsync(payee.AccountId, payee.Token));

        var outEntry = (await _api.AllEntriesAsync(payer.AccountId, payer.Token))[0];
        Assert.Equal("PaymentOut", outEntry.Kind());
        Assert.Equal(id, outEntry.Reference());
        Assert.Equal(-123.45m, outEntry.Amount());
        Assert.Equal(376.55m, outEntry.GetProperty("balanceAfter").GetDecimal());
        Assert.Equal(payee.AccountId, outEntry.Str("counterpartyAccountId"));
        var inEntry = (await _api.AllEntriesAsync(payee.AccountId, payee.Token))[0];
        Assert.Equal("PaymentIn", inEntry.Kind());
        Assert.Equal(id, inEntry.Reference());
        Assert.Equal(123.45m, inEntry.Amount());
        Assert.Equal(payer.AccountId, inEntry.Str("counterpartyAccountId"));
    }

    [Fact]
    public async Task Pay_CnyToUsd_SettlesAtTheRateAndCreditsTheConvertedAmount()
    {
        var payer = await _api.FundedAccountAsync(5_000m);
        var payee = await _api.FundedAccountAsync(0m, "USD");
        var usdBefore = await _api.BalanceAsync(payee.AccountId, payee.Token);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 1_000m, "CNY");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.ReadJsonAsync();
        Assert.Equal("Completed", payment.Str("status"));
        var fx = payment.GetProperty("fx");
        var rate = fx.GetProperty("rate").GetDecimal();
        var credited = fx.GetProperty("creditedAmount").GetDecimal();
        Assert.Equal(CnyToUsd, rate);
        Assert.Equal(decimal.Round(1_000m * rate, 2, MidpointRounding.ToZero), credited);
        Assert.Equal(140.74m, credited);
        Assert.Equal("USD", fx.Str("creditedCurrency"));
        Assert.Equal(4_000m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(credited, await _api.BalanceAsync(payee.AccountId, payee.Token) - usdBefore);

        var outEntry = (await _api.AllEntriesAsync(payer.AccountId, payer.Token))[0];
        Assert.Equal("PaymentOut", outEntry.Kind());
        Assert.Equal(-1_000m, outEntry.Amount());
        Assert.Equal(rate, outEntry.GetProperty("fxRate").GetDecimal());
        var inEntry = (await _api.AllEntriesAsync(payee.AccountId, payee.Token))[0];
        Assert.Equal("PaymentIn", inEntry.Kind());
        Assert.Equal(payment.Str("id"), inEntry.Reference());
        Assert.Equal(credited, inEntry.Amount());
        Assert.Equal(rate, inEntry.GetProperty("fxRate").GetDecimal());
    }

    [Fact]
    public async Task Pay_CurrencyOtherThanSourceAccounts_IsDeclinedCurrencyMismatch()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m, "USD");

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 10m, "USD");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = await response.ReadJsonAsync();
        Assert.Equal("Declined", payment.Str("status"));
        Assert.Equal("CurrencyMismatch", payment.Str("declineReason"));
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(0m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }

    [Fact]
    public async Task Pay_CurrencyOtherThanSourceAccounts_MovesNoMoney()
    {
        // The part of the currency-mismatch contract that holds today (see the skipped test above for the status).
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m, "USD");

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 10m, "USD");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(0m, await _api.BalanceAsync(payee.AccountId, payee.Token));
        Assert.Single(await _api.AllEntriesAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task DailyLimit_PaymentAboveIt_IsDeclinedLimitExceededAndTheLimitItselfIsAllowed()
    {
        var payer = await _api.FundedAccountAsync(300_000m);
        var payee = await _api.FundedAccountAsync(0m);

        var over = await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 200_000.01m)).ReadJsonAsync();

        Assert.Equal("Declined", over.Str("status"));
        Assert.Equal("LimitExceeded", over.Str("declineReason"));
        Assert.Equal(300_000m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(0m, await _api.BalanceAsync(payee.AccountId, payee.Token));

        // Withdrawals count towards the same limit and are not fraud-scored, so what follows tests the limit alone
        // (a 200,000 payment straight after a declined attempt is, rightly, a risk case of its own).
        var atLimit = await (await _api.WithdrawAsync(payer.Token, payer.AccountId, 200_000m)).ReadJsonAsync();
        Assert.Equal("Completed", atLimit.Str("status"));
        var account = await _api.GetJsonAsync($"/accounts/{payer.AccountId}", payer.Token);
        Assert.Equal(200_000m, account.GetProperty("dailyLimit").GetDecimal());
        Assert.Equal(200_000m, account.GetProperty("spentToday").GetDecimal());

        // A fresh customer draining 200,000 in cash right after a declined 200,000 transfer may, rightly, be frozen by the
        // risk engine a moment later; an officer clearing that case must not reopen the limit.
        var more = await (await _api.WithdrawAsync(payer.Token, payer.AccountId, 0.01m)).ReadJsonAsync();
        if (more.Str("declineReason") == "AccountFrozen")
        {
            // The refused withdrawal reaches the engine on the stream after its answer (after the deposit, the declined
            // payment and the 200,000): scored after the case is cleared, it would be judged anew and could freeze again.
            await new FraudSteps(fixture).SeenAsync(payer.CustomerId, 4);
            await ClearFreezeAsync(payer.CustomerId);
            more = await (await _api.WithdrawAsync(payer.Token, payer.AccountId, 0.01m)).ReadJsonAsync();
        }

        Assert.Equal("Declined", more.Str("status"));
        Assert.Equal("LimitExceeded", more.Str("declineReason"));
    }

    [Fact]
    public async Task Pay_AboveBalance_IsDeclinedInsufficientFundsAndLeavesNoEntry()
    {
        var payer = await _api.FundedAccountAsync(10m);
        var payee = await _api.FundedAccountAsync(0m);

        var payment = await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 10.01m)).ReadJsonAsync();

        Assert.Equal("Declined", payment.Str("status"));
        Assert.Equal("InsufficientFunds", payment.Str("declineReason"));
        Assert.Single(await _api.AllEntriesAsync(payer.AccountId, payer.Token));
        Assert.Empty(await _api.AllEntriesAsync(payee.AccountId, payee.Token));
    }

    [Fact]
    public async Task Pay_FromAnotherCustomersAccount_Is403AndStays403WhenRetriedWithItsKey()
    {
        var victim = await _api.FundedAccountAsync(100m);
        var thief = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();

        var response = await _api.PayAsync(thief.Token, victim.AccountId, thief.AccountId, 50m, key: key);
        var retry = await _api.PayAsync(thief.Token, victim.AccountId, thief.AccountId, 50m, key: key);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        await FinApiClient.AssertProblemAsync(retry, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(100m, await _api.BalanceAsync(victim.AccountId, victim.Token));
        Assert.Equal(0m, await _api.BalanceAsync(thief.AccountId, thief.Token));
        Assert.Empty(await _api.AllEntriesAsync(thief.AccountId, thief.Token));
    }

    [Fact]
    public async Task Pay_UnknownFromAccount_Is404AndMovesNothing()
    {
        var payee = await _api.FundedAccountAsync(100m);
        var stranger = await _api.FundedAccountAsync(0m);

        var response = await _api.PayAsync(stranger.Token, ApiSteps.UnknownAccountId, payee.AccountId, 50m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(100m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }

    [Fact]
    public async Task Pay_UnknownToAccount_Is404()
    {
        var payer = await _api.FundedAccountAsync(100m);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, ApiSteps.UnknownAccountId, 50m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task Pay_RetryAfterUnknownToAccount_IsStill404()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var key = ApiSteps.NewKey();
        var first = await _api.PayAsync(payer.Token, payer.AccountId, ApiSteps.UnknownAccountId, 50m, key: key);
        await FinApiClient.AssertProblemAsync(first, HttpStatusCode.NotFound, "not-found");

        var retry = await _api.PayAsync(payer.Token, payer.AccountId, ApiSteps.UnknownAccountId, 50m, key: key);

        await FinApiClient.AssertProblemAsync(retry, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Pay_CrossCurrencyBelowOneCentCredited_Is400()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m, "USD");

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 0.01m);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("amount", out _));
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task Pay_RetryAfterCrossCurrencyBelowOneCent_IsStill400()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m, "USD");
        var key = ApiSteps.NewKey();
        await FinApiClient.AssertProblemAsync(
            await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 0.01m, key: key), HttpStatusCode.BadRequest, "validation");

        var retry = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 0.01m, key: key);

        await FinApiClient.AssertProblemAsync(retry, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Pay_ToSameAccount_Is400()
    {
        var payer = await _api.FundedAccountAsync(100m);

        var response = await _api.PayAsync(payer.Token, payer.AccountId, payer.AccountId, 50m);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("toAccountId", out _));
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task Pay_UnknownChannel_Is400()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Post, "/payments", payer.Token,
            new { fromAccountId = payer.AccountId, toAccountId = payee.AccountId, amount = 5m, currency = "CNY", channel = "fax", deviceId = "device-1" },
            ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Theory]
    [InlineData("amount", """ "amount": 0, "currency": "CNY", "channel": "app", "deviceId": "d" """)]
    [InlineData("amount", """ "amount": 1.001, "currency": "CNY", "channel": "app", "deviceId": "d" """)]
    [InlineData("currency", """ "amount": 1, "currency": "XYZ", "channel": "app", "deviceId": "d" """)]
    [InlineData("deviceId", """ "amount": 1, "currency": "CNY", "channel": "app" """)]
    [InlineData("ip", """ "amount": 1, "currency": "CNY", "channel": "app", "deviceId": "d", "ip": "300.1.1.1" """)]
    [InlineData("otp", """ "amount": 1, "currency": "CNY", "channel": "app", "deviceId": "d", "otp": "12ab" """)]
    public async Task Pay_InvalidField_Is400(string field, string rest)
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);

        var response = await _api.SendTextAsync(HttpMethod.Post, "/payments", payer.Token,
            $$"""{"fromAccountId": "{{payer.AccountId}}", "toAccountId": "{{payee.AccountId}}", {{rest}} }""", ApiSteps.NewKey());

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Pay_MissingIdempotencyKey_Is400()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Post, "/payments", payer.Token,
            new { fromAccountId = payer.AccountId, toAccountId = payee.AccountId, amount = 5m, currency = "CNY", channel = "app", deviceId = "device-1" });

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }

    [Fact]
    public async Task Pay_ReplayedWithSameKeyAndBody_ReturnsIdenticalResponseAndPaysOnce()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        var key = ApiSteps.NewKey();

        var first = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 25m, key: key);
        var replay = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 25m, key: key);
        var conflict = await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 26m, key: key);

        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        await FinApiClient.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "idempotency-conflict");
        Assert.Equal(75m, await _api.BalanceAsync(payer.AccountId, payer.Token));
        Assert.Equal(25m, await _api.BalanceAsync(payee.AccountId, payee.Token));
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("admin")]
    public async Task Pay_WithStaffToken_Is403(string role)
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        var token = await _api.TokenAsync(payer.CustomerId, role);

        var response = await _api.PayAsync(token, payer.AccountId, payee.AccountId, 5m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(100m, await _api.BalanceAsync(payer.AccountId, payer.Token));
    }

    [Fact]
    public async Task GetPayment_PayerWholeAndPayeeReceipt_Are200AndAThirdCustomerIs403()
    {
        var payer = await _api.FundedAccountAsync(100m);
        var payee = await _api.FundedAccountAsync(0m);
        var (_, stranger) = await _api.NewCustomerAsync();
        var created = await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 12m)).ReadJsonAsync();
        var path = $"/payments/{created.Str("id")}";

        var byPayer = await _api.GetJsonAsync(path, payer.Token);
        var byPayee = await _api.GetJsonAsync(path, payee.Token);
        var byOperator = await _api.GetJsonAsync(path, fixture.OperatorToken);
        var byStranger = await _api.SendAsync(HttpMethod.Get, path, stranger);

        Assert.Equal(created.ToString(), byPayer.ToString());
        Assert.Equal(created.Str("id"), byPayee.Str("id"));
        Assert.False(byPayee.TryGetProperty("riskScore", out _), "the payee sees the payer's risk verdict");
        Assert.Equal(created.Str("id"), byOperator.Str("id"));
        Assert.Equal(12m, byPayer.Amount());
        Assert.Equal(payer.AccountId, byPayer.Str("fromAccountId"));
        Assert.Equal(payee.AccountId, byPayer.Str("toAccountId"));
        await FinApiClient.AssertProblemAsync(byStranger, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetPayment_Unknown_Is404()
    {
        var (_, token) = await _api.NewCustomerAsync();

        var unknown = await _api.SendAsync(HttpMethod.Get, $"/payments/{ApiSteps.UnknownPaymentId}", token);
        var malformed = await _api.SendAsync(HttpMethod.Get, "/payments/12345", token);

        await FinApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await FinApiClient.AssertProblemAsync(malformed, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>Resolves the customer's open case as a false positive, which unfreezes what it froze.</summary>
    private async Task ClearFreezeAsync(string customerId)
    {
        var risk = await _api.GetJsonAsync($"/risk/customers/{customerId}", fixture.AdminToken);
        var caseId = risk.Str("openCaseId");
        using var resolved = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{caseId}/resolve", fixture.RiskOfficerToken,
            new { outcome = "FalsePositive", note = "the customer confirmed the withdrawal" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
    }
}
