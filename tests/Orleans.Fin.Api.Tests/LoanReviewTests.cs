using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoanReviewTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task Review_ByApplicant_Is403AndLoanStaysInReview()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = (await _api.ApplyAsync(holder, LoanSteps.Steady(holder, 4000m))).Str("id");

        var response = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", holder.Token, new { approve = true, note = "me" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Applied", (await _api.GetJsonAsync($"/loans/{id}", holder.Token)).Str("status"));
    }

    [Fact]
    public async Task Review_ByOperatorApprove_ApprovesWithRateAndNote()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var decision = await _api.ApplyAsync(holder, LoanSteps.Steady(holder, 4000m));
        Assert.Equal("ManualReview", decision.Str("decision"));
        Assert.Equal("Approve", decision.Str("recommendation"));

        var response = await _api.SendAsync(HttpMethod.Post, $"/loans/{decision.Str("id")}/review", fixture.OperatorToken, new { approve = true, note = "income verified" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var loan = await response.ReadJsonAsync();
        Assert.Equal("Approved", loan.Str("status"));
        Assert.Equal("Approved", loan.Str("decision"));
        Assert.True(loan.GetProperty("annualRate").GetDecimal() > 0m);
        Assert.Equal("income verified", loan.Str("reviewNote"));
        Assert.Equal(FinNodeFixture.OperatorSubject, loan.Str("reviewedBy"));
    }

    [Fact]
    public async Task Review_Reject_RejectsAndSecondReviewIs409()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = (await _api.ApplyAsync(holder, LoanSteps.Risky(holder, 4000m))).Str("id");

        var first = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", fixture.AdminToken, new { approve = false, note = "too much debt" });
        var second = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", fixture.OperatorToken, new { approve = true });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("Rejected", (await first.ReadJsonAsync()).Str("status"));
        await FinApiClient.AssertProblemAsync(second, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Review_AutomaticallyDecidedLoan_Is409()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = await _api.ApprovedLoanAsync(holder, 600m);

        var response = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", fixture.OperatorToken, new { approve = false });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Review_WithoutApprove_Is400()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var id = (await _api.ApplyAsync(holder, LoanSteps.Steady(holder, 4000m))).Str("id");

        var response = await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", fixture.OperatorToken, new { note = "?" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }
}
