using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoanLifecycleTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Accept_TwoConcurrentAccepts_DisburseOnceWithAnnuitySchedule()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await _api.ApprovedLoanAsync(holder, 1200m, termMonths: 12);
        var clock = await _api.GetJsonAsync("/ops/clock", fixture.OperatorToken);

        var responses = await Task.WhenAll(
            _api.SendAsync(HttpMethod.Post, $"/loans/{id}/accept", holder.Token),
            _api.SendAsync(HttpMethod.Post, $"/loans/{id}/accept", holder.Token));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(1200m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        var entries = await _api.AllEntriesAsync(holder.AccountId, holder.Token);
        Assert.Equal("LoanDisbursement", Assert.Single(entries).Kind());
        var loan = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
        Assert.Equal("Active", loan.Str("status"));
        Assert.Equal(1200m, loan.GetProperty("outstanding").GetDecimal());
        var schedule = loan.GetProperty("schedule").EnumerateArray().ToList();
        Assert.Equal(12, schedule.Count);
        Assert.Equal(1200m, schedule.Sum(i => i.GetProperty("principal").GetDecimal()));
        var today = DateOnly.FromDateTime(clock.GetProperty("now").GetDateTimeOffset().UtcDateTime);
        var firstDue = DateOnly.Parse(schedule[0].Str("dueDate"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(firstDue.DayNumber - today.AddMonths(1).DayNumber, 0, 1); // one month after disbursement
    }

    [Fact]
    public async Task Accept_NotApproved_Is409AndByOtherCustomer_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var other = await _api.FundedAccountAsync(0m);
        var rejected = (await _api.ApplyAsync(holder, LoanSteps.Risky(holder, 1500m))).Str("id");
        var approved = await _api.ApprovedLoanAsync(holder, 500m);

        var conflict = await _api.SendAsync(HttpMethod.Post, $"/loans/{rejected}/accept", holder.Token);
        var foreign = await _api.SendAsync(HttpMethod.Post, $"/loans/{approved}/accept", other.Token);

        await FinApiClient.AssertProblemAsync(conflict, HttpStatusCode.Conflict, "conflict");
        await FinApiClient.AssertProblemAsync(foreign, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(0m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Repay_PartThenReplayThenPayoff_AppliesOnceAndCloses()
    {
        var holder = await _api.FundedAccountAsync(100m);
        var id = await AcceptedLoanAsync(holder, 1000m);
        var key = ApiSteps.NewKey();

        var first = await Repay(holder, id, 300m, key);
        var replay = await Repay(holder, id, 300m, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var paid = await first.ReadJsonAsync();
        Assert.Equal("Completed", paid.Str("status"));
        Assert.Equal(700m, paid.GetProperty("loan").GetProperty("outstanding").GetDecimal()); // nothing due yet: early repayment of principal
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(700m, (await replay.ReadJsonAsync()).GetProperty("loan").GetProperty("outstanding").GetDecimal());
        Assert.Equal(800m, await _api.BalanceAsync(holder.AccountId, holder.Token));

        var payoff = await Repay(holder, id, 700m, ApiSteps.NewKey());

        var closed = (await payoff.ReadJsonAsync()).GetProperty("loan");
        Assert.Equal("Closed", closed.Str("status"));
        Assert.Equal(0m, closed.GetProperty("outstanding").GetDecimal());
        Assert.Equal(100m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        var again = await Repay(holder, id, 1m, ApiSteps.NewKey());
        await FinApiClient.AssertProblemAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Repay_MoreThanPayoff_Is422AndNothingMoves()
    {
        var holder = await _api.FundedAccountAsync(500m);
        var id = await AcceptedLoanAsync(holder, 600m);

        var response = await Repay(holder, id, 600.01m, ApiSteps.NewKey());

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal(1100m, await _api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Equal(600m, (await _api.GetJsonAsync($"/loans/{id}", holder.Token)).GetProperty("outstanding").GetDecimal());
    }

    [Fact]
    public async Task Repay_InsufficientFunds_DeclinedAndLoanUnchanged()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await AcceptedLoanAsync(holder, 400m);
        await _api.WithdrawAsync(holder.Token, holder.AccountId, 350m);

        var response = await Repay(holder, id, 100m, ApiSteps.NewKey());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.ReadJsonAsync();
        Assert.Equal("Declined", result.Str("status"));
        Assert.Equal("InsufficientFunds", result.Str("declineReason"));
        Assert.Equal(400m, result.GetProperty("loan").GetProperty("outstanding").GetDecimal());
        Assert.Equal(50m, await _api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Repay_WithoutIdempotencyKey_Is400()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await AcceptedLoanAsync(holder, 400m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/repayments", holder.Token, new { amount = 10m });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    private async Task<string> AcceptedLoanAsync(Holder holder, decimal amount)
    {
        var id = await _api.ApprovedLoanAsync(holder, amount);
        var accepted = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/accept", holder.Token);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return id;
    }

    private Task<HttpResponseMessage> Repay(Holder holder, string id, decimal amount, string key) =>
        _api.SendAsync(HttpMethod.Post, $"/loans/{id}/repayments", holder.Token, new { amount }, key);
}
