using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoanApplicationTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Apply_SmallSteadyApplicant_ApprovedAutomaticallyWithRateAndModelVersion()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.ApplyResponseAsync(holder.Token, LoanSteps.Steady(holder, 800m));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var decision = await response.ReadJsonAsync();
        Assert.Equal($"/loans/{decision.Str("id")}", response.Headers.Location?.ToString());
        Assert.Equal("Approved", decision.Str("decision"));
        Assert.InRange(decision.GetProperty("probabilityOfDefault").GetDouble(), 0.0, 0.30);
        Assert.True(decision.GetProperty("annualRate").GetDecimal() > 0m);
        Assert.False(string.IsNullOrWhiteSpace(decision.Str("modelVersion")));
        Assert.Equal(JsonValueKind.Array, decision.GetProperty("reasons").ValueKind);
        var loan = await _api.GetJsonAsync($"/loans/{decision.Str("id")}", holder.Token);
        Assert.Equal("Approved", loan.Str("status"));
        Assert.Equal(800m, loan.GetProperty("principal").GetDecimal());
        Assert.Equal(0, loan.GetProperty("schedule").GetArrayLength());
    }

    [Fact]
    public async Task Apply_SmallRiskyApplicant_RejectedAutomaticallyWithoutRate()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var decision = await _api.ApplyAsync(holder, LoanSteps.Risky(holder, 1500m));

        Assert.Equal("Rejected", decision.Str("decision"));
        Assert.True(decision.GetProperty("probabilityOfDefault").GetDouble() > 0.30);
        Assert.Equal(JsonValueKind.Null, decision.GetProperty("annualRate").ValueKind);
        Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray());
        Assert.Equal("Rejected", (await _api.GetJsonAsync($"/loans/{decision.Str("id")}", holder.Token)).Str("status"));
    }

    [Fact]
    public async Task Apply_AboveThreshold_GoesToManualReviewWithRecommendation()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var decision = await _api.ApplyAsync(holder, LoanSteps.Risky(holder, 4500m));

        Assert.Equal("ManualReview", decision.Str("decision"));
        Assert.Equal("Reject", decision.Str("recommendation"));
        Assert.NotEmpty(decision.GetProperty("reasons").EnumerateArray());
        Assert.Equal("Applied", (await _api.GetJsonAsync($"/loans/{decision.Str("id")}", fixture.OperatorToken)).Str("status"));
    }

    [Fact]
    public async Task Apply_FrozenAccount_RejectedWithReasonButScored()
    {
        var holder = await _api.FundedAccountAsync(0m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var decision = await _api.ApplyAsync(holder, LoanSteps.Steady(holder, 800m));

        Assert.Equal("Rejected", decision.Str("decision"));
        Assert.Equal("AccountFrozen", decision.GetProperty("reasons")[0].GetString());
        Assert.InRange(decision.GetProperty("probabilityOfDefault").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public async Task Apply_InvalidFields_Is400WithEachField()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var application = LoanSteps.Steady(holder, 800m);
        application["termMonths"] = 0;
        application["home"] = "castle";
        application["amount"] = -5m;
        application.Remove("records");

        var response = await _api.ApplyResponseAsync(holder.Token, application);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "termMonths", "home", "amount", "records" })
        {
            Assert.True(errors.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Apply_ForAnotherCustomer_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var other = await _api.FundedAccountAsync(0m);

        var response = await _api.ApplyResponseAsync(other.Token, LoanSteps.Steady(holder, 800m));

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Apply_IntoAnotherCustomersAccount_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var other = await _api.FundedAccountAsync(0m);
        var application = LoanSteps.Steady(holder, 800m);
        application["accountId"] = other.AccountId;

        var response = await _api.ApplyResponseAsync(holder.Token, application);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task GetLoan_OtherCustomer_Is403AndUnknown_Is404()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var other = await _api.FundedAccountAsync(0m);
        var id = await _api.ApprovedLoanAsync(holder, 500m);

        var foreign = await _api.SendAsync(HttpMethod.Get, $"/loans/{id}", other.Token);
        var unknown = await _api.SendAsync(HttpMethod.Get, "/loans/loan_00000000000000000000000000", fixture.OperatorToken);

        await FinApiClient.AssertProblemAsync(foreign, HttpStatusCode.Forbidden, "forbidden");
        await FinApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }
}
