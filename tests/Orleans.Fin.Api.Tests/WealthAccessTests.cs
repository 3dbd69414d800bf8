using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthAccessTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Subscribe_FrozenAccount_Is422InvestmentRestrictedButRedeemPays()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        await fixture.Api.FreezeAsync(fixture.OperatorToken, holder.AccountId);

        await AssertMayRedeemButNotBuyAsync(holder, id);
    }

    [Fact]
    public async Task Subscribe_AfterUnfreeze_BuysAgain()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        await fixture.Api.FreezeAsync(fixture.OperatorToken, holder.AccountId);
        var unfrozen = await fixture.Api.SendAsync(HttpMethod.Post, $"/accounts/{holder.AccountId}/unfreeze", fixture.OperatorToken, new { reason = "cleared" });
        Assert.Equal(HttpStatusCode.OK, unfrozen.StatusCode);

        await fixture.Api.SubscribedAsync(holder.Token, id, 100m);

        Assert.Equal(900m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Subscribe_HighRiskCustomer_Is422InvestmentRestrictedButRedeemPays()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        var referred = await fixture.Api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken,
            new { customerId = holder.CustomerId, reason = "mule network link", freeze = false });
        Assert.Equal(HttpStatusCode.Created, referred.StatusCode);
        Assert.Equal("High", (await fixture.Api.GetJsonAsync($"/risk/customers/{holder.CustomerId}", fixture.RiskOfficerToken)).Str("riskLevel"));
        Assert.Equal("Active", (await fixture.Api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.OperatorToken)).Str("status"));

        await AssertMayRedeemButNotBuyAsync(holder, id);
    }

    [Fact]
    public async Task PortfolioEndpoints_AnotherCustomer_Are403()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        var (_, stranger) = await fixture.Api.NewCustomerAsync();

        var responses = await CallEveryPortfolioEndpointAsync(stranger, id);

        foreach (var response in responses)
        {
            await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        }

        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var portfolio = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal(("C3", JsonValueKind.Null), (portfolio.Str("riskLevel"), portfolio.GetProperty("lastRebalancedAt").ValueKind));
    }

    [Fact]
    public async Task PortfolioEndpoints_Staff_MayReadButNotTrade()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);

        var portfolio = await fixture.Api.PortfolioAsync(id, fixture.OperatorToken);
        var subscribe = await fixture.Api.SubscribeAsync(fixture.OperatorToken, id, 10m);
        var redeem = await fixture.Api.RedeemAsync(fixture.OperatorToken, id, 10m);

        Assert.Equal(holder.CustomerId, portfolio.Str("customerId"));
        Assert.NotEmpty((await fixture.Api.GetJsonAsync($"/portfolios/{id}/recommendations", fixture.RiskOfficerToken)).EnumerateArray());
        await FinApiClient.AssertProblemAsync(subscribe, HttpStatusCode.Forbidden, "forbidden");
        await FinApiClient.AssertProblemAsync(redeem, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Theory]
    [InlineData("pf_00000000000000000000000000")]
    [InlineData("acc_00000000000000000000000000")]
    [InlineData("nothing")]
    public async Task PortfolioEndpoints_UnknownId_Are404(string id)
    {
        var (_, token) = await fixture.Api.NewCustomerAsync();

        var responses = await CallEveryPortfolioEndpointAsync(token, id);

        foreach (var response in responses)
        {
            await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        }
    }

    /// <summary>A portfolio worth 1,000 over an account holding 1,000: buying 100 is refused, redeeming 300 pays out.</summary>
    private async Task AssertMayRedeemButNotBuyAsync(Holder holder, string portfolioId)
    {
        var subscribe = await fixture.Api.SubscribeAsync(holder.Token, portfolioId, 100m);
        var redeem = await fixture.Api.RedeemAsync(holder.Token, portfolioId, 300m);

        await FinApiClient.AssertProblemAsync(subscribe, HttpStatusCode.UnprocessableEntity, "investment-restricted");
        Assert.Equal(HttpStatusCode.Created, redeem.StatusCode);
        Assert.Equal("Completed", (await redeem.ReadJsonAsync()).Str("status"));
        Assert.Equal(1_300m, await fixture.Api.BalanceAsync(holder.AccountId, fixture.OperatorToken));
    }

    /// <summary>Every endpoint under /portfolios/{id}, each with a body that would be accepted for the owner.</summary>
    private async Task<HttpResponseMessage[]> CallEveryPortfolioEndpointAsync(string token, string id) =>
    [
        await fixture.Api.SendAsync(HttpMethod.Get, $"/portfolios/{id}", token),
        await fixture.Api.SubscribeAsync(token, id, 10m),
        await fixture.Api.RedeemAsync(token, id, 10m),
        await fixture.Api.RebalanceAsync(token, id),
        await fixture.Api.SendAsync(HttpMethod.Get, $"/portfolios/{id}/recommendations", token),
        await fixture.Api.SendAsync(HttpMethod.Get, $"/portfolios/{id}/valuations", token),
        await fixture.Api.SendAsync(HttpMethod.Get, $"/portfolios/{id}/orders/mov_00000000000000000000000000", token),
        await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{id}/assessment", token,
            new { answers = WealthSteps.BoldAnswers, goal = "Growth", horizonYears = 10 }),
    ];
}
