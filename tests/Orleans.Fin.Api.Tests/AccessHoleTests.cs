using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>What a customer may see of a payment it received, and of staff decisions about its account and loan.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccessHoleTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GetPayment_ByPayee_ShowsReceiptWithoutRiskVerdict()
    {
        var payer = await _api.FundedAccountAsync(500m);
        var payee = await _api.FundedAccountAsync(0m);
        var id = (await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 120.5m)).ReadJsonAsync()).Str("id");

        var receipt = await _api.GetJsonAsync($"/payments/{id}", payee.Token);
        var full = await _api.GetJsonAsync($"/payments/{id}", payer.Token);

        Assert.Equal(id, receipt.Str("id"));
        Assert.Equal(120.5m, receipt.GetProperty("amount").GetDecimal());
        Assert.Equal(payee.AccountId, receipt.Str("toAccountId"));
        Assert.Equal("Completed", receipt.Str("status"));
        foreach (var hidden in new[] { "riskLevel", "riskScore", "reasons", "fromAccountId", "channel", "declineReason" })
        {
            Assert.False(receipt.TryGetProperty(hidden, out _), $"the payee sees {hidden}");
            Assert.True(full.TryGetProperty(hidden, out _), $"the payer misses {hidden}");
        }
    }

    [Fact]
    public async Task GetPayment_ByPayeeOfChallengedPayment_Is404()
    {
        var payer = await _api.FundedAccountAsync(500m);
        var payee = await _api.FundedAccountAsync(0m);
        var challenged = await (await _api.PayAsync(payer.Token, payer.AccountId, payee.AccountId, 40m, deviceId: "unbound-phone")).ReadJsonAsync();
        Assert.Equal("ChallengeRequired", challenged.Str("status"));

        using var response = await _api.SendAsync(HttpMethod.Get, $"/payments/{challenged.Str("id")}", payee.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task GetAccount_FrozenByStaff_CustomerSeesReasonNotWho()
    {
        var holder = await _api.FundedAccountAsync(0m);
        await _api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        var asCustomer = await _api.GetJsonAsync($"/accounts/{holder.AccountId}", holder.Token);
        var asStaff = await _api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.RiskOfficerToken);

        Assert.Equal("Frozen", asCustomer.Str("status"));
        Assert.Equal(JsonValueKind.Null, asCustomer.GetProperty("frozenBy").ValueKind);
        Assert.Equal(FinNodeFixture.OperatorSubject, asStaff.Str("frozenBy"));
    }

    [Fact]
    public async Task GetLoan_Reviewed_CustomerSeesNoReviewerOrNote()
    {
        var holder = await _api.FundedAccountAsync(0m);
        var decision = await _api.ApplyAsync(holder, LoanSteps.Steady(holder, 4000m));
        Assert.Equal("ManualReview", decision.Str("decision"));
        var id = decision.Str("id");
        await _api.SendAsync(HttpMethod.Post, $"/loans/{id}/review", fixture.OperatorToken, new { approve = true, note = "checked payslips, looks thin" });

        var asCustomer = await _api.GetJsonAsync($"/loans/{id}", holder.Token);
        var asStaff = await _api.GetJsonAsync($"/loans/{id}", fixture.OperatorToken);

        Assert.Equal("Approved", asCustomer.Str("status"));
        Assert.Equal(JsonValueKind.Null, asCustomer.GetProperty("reviewNote").ValueKind);
        Assert.Equal(JsonValueKind.Null, asCustomer.GetProperty("reviewedBy").ValueKind);
        Assert.Equal("checked payslips, looks thin", asStaff.Str("reviewNote"));
    }
}
