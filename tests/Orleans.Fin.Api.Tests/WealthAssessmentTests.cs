using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthAssessmentTests(FinNodeFixture fixture)
{
    private static readonly int[] AnswerSix = [5, 5, 5, 5, 6];

    /// <summary>The only test that moves the shared clock past a year: a longer wait would age every other test's data.</summary>
    [Fact]
    public async Task Subscribe_AssessmentOlderThanAYear_Is422UntilReassessedWhileRedeemStillPays()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(5_000m, 1_000m);

        await fixture.Api.AdvanceClockAsync(fixture.OperatorToken, 366);
        var expired = await fixture.Api.SubscribeAsync(holder.Token, id, 500m);
        var redeemed = await fixture.Api.RedeemedAsync(holder.Token, id, 200m);

        await FinApiClient.AssertProblemAsync(expired, HttpStatusCode.UnprocessableEntity, "assessment-expired");
        Assert.Equal(("Redemption", 200m), (redeemed.Str("kind"), redeemed.Dec("amount")));
        Assert.True((await fixture.Api.PortfolioAsync(id, holder.Token)).GetProperty("assessmentExpired").GetBoolean());
        Assert.Equal(4_200m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));

        var renewed = await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{id}/assessment", holder.Token,
            new { answers = WealthSteps.BoldAnswers, goal = "Growth", horizonYears = 10 });

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var view = await renewed.ReadJsonAsync();
        Assert.Equal("C5", view.Str("riskLevel"));
        Assert.False(view.GetProperty("assessmentExpired").GetBoolean());
        await fixture.Api.SubscribedAsync(holder.Token, id, 500m, "SEC-01");
        Assert.Equal(3_700m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Reassess_InvalidAnswers_Is400AndKeepsTheLevel()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(100m);
        var id = portfolio.Str("id");

        var response = await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{id}/assessment", holder.Token,
            new { answers = AnswerSix, goal = "Growth", horizonYears = 10 });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal("C3", (await fixture.Api.PortfolioAsync(id, holder.Token)).Str("riskLevel"));
    }

    [Fact]
    public async Task Reassess_LowerLevel_ReplacesTheTargets()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(100m, WealthSteps.BoldAnswers);

        var response = await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolio.Str("id")}/assessment", holder.Token,
            new { answers = WealthSteps.CautiousAnswers, goal = "Growth", horizonYears = 10 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.ReadJsonAsync();
        Assert.Equal("C1", view.Str("riskLevel"));
        var target = Assert.Single(view.Items("targetAllocation"));
        Assert.Equal(("MMF-01", 1m), (target.Str("productId"), target.Dec("weight")));
    }

    [Fact]
    public async Task Open_SecondPortfolioWithLowerAnswers_LowersTheCustomersLevelForEveryPortfolio()
    {
        var (holder, bold) = await fixture.Api.OpenPortfolioAsync(5_000m, WealthSteps.BoldAnswers);
        var boldId = bold.Str("id");
        await fixture.Api.SubscribedAsync(holder.Token, boldId, 500m, "SEC-01");

        var modest = await fixture.Api.OpenPortfolioResponseAsync(holder, WealthSteps.ModestAnswers, "Income", 5);
        Assert.Equal(HttpStatusCode.Created, modest.StatusCode);
        var refused = await fixture.Api.SubscribeAsync(holder.Token, boldId, 500m, "SEC-01");

        await FinApiClient.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "suitability");
        var view = await fixture.Api.PortfolioAsync(boldId, holder.Token);
        Assert.Equal("C2", view.Str("riskLevel"));
        Assert.DoesNotContain(view.Items("targetAllocation"), t => WealthSteps.Rank(ProductGrade(t.Str("productId"))) > 2);
        var profile = await fixture.Api.GetJsonAsync($"/customers/{holder.CustomerId}", holder.Token);
        Assert.Equal("C2", profile.GetProperty("assessment").Str("riskLevel"));
        Assert.Equal(4_500m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    private static string ProductGrade(string productId) => productId switch
    {
        "MMF-01" => "R1",
        "SBD-01" or "BND-01" => "R2",
        "BAL-01" or "GLD-01" => "R3",
        "IDX-300" or "OVS-01" => "R4",
        _ => "R5",
    };
}
