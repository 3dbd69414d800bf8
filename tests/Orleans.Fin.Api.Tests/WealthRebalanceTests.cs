using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthRebalanceTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Rebalance_AfterBuyingOneProduct_Is202AndBringsDriftUnderOnePercent()
    {
        var (holder, id) = await DriftedPortfolioAsync();
        var before = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.True(before.Dec("drift") > 0.05m, $"drift {before.Dec("drift")}");

        var response = await fixture.Api.RebalanceAsync(holder.Token, id);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await response.ReadJsonAsync();
        Assert.True(outcome.GetProperty("rebalanced").GetBoolean());
        Assert.NotEmpty(outcome.Items("trades"));
        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.True(after.Dec("drift") < 0.01m, $"drift {after.Dec("drift")}");
        Assert.InRange(after.Dec("marketValue"), before.Dec("marketValue") - 0.05m, before.Dec("marketValue") + 0.05m);
        Assert.Equal(5, after.GetProperty("holdings").GetArrayLength());
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("lastRebalancedAt").ValueKind);
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Rebalance_AfterReassessingLower_SellsEverythingAboveTheNewLevel()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(3_000m, WealthSteps.BoldAnswers);
        var id = portfolio.Str("id");
        await fixture.Api.SubscribedAsync(holder.Token, id, 1_000m, "SEC-01");
        await fixture.Api.SubscribedAsync(holder.Token, id, 1_000m);
        var reassessed = await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{id}/assessment", holder.Token,
            new { answers = WealthSteps.ModestAnswers, goal = "Income", horizonYears = 5 });
        Assert.Equal(HttpStatusCode.OK, reassessed.StatusCode);

        var recommendations = (await fixture.Api.GetJsonAsync($"/portfolios/{id}/recommendations", holder.Token)).EnumerateArray().ToList();
        var response = await fixture.Api.RebalanceAsync(holder.Token, id);

        Assert.All(recommendations, r => Assert.True(WealthSteps.Rank(r.Str("riskGrade")) <= 2, $"{r.Str("productId")} recommended to C2"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal(["BND-01", "MMF-01", "SBD-01"], after.Items("holdings").Select(h => h.Str("productId")).Order(StringComparer.Ordinal));
        Assert.True(after.Dec("drift") < 0.01m, $"drift {after.Dec("drift")}");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Rebalance_EmptyPortfolio_Is202WithNothingTraded()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.RebalanceAsync(holder.Token, portfolio.Str("id"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var outcome = await response.ReadJsonAsync();
        Assert.False(outcome.GetProperty("rebalanced").GetBoolean());
        Assert.Empty(outcome.Items("trades"));
    }

    [Fact]
    public async Task ClockAdvance_OneDay_RebalancesOnlyThePortfolioBeyondTheBand()
    {
        var (drifted, driftedId) = await DriftedPortfolioAsync();
        var (onTarget, onTargetId) = await fixture.Api.InvestedPortfolioAsync(5_000m, 4_000m);
        var driftedBefore = await fixture.Api.PortfolioAsync(driftedId, drifted.Token);

        await fixture.Api.AdvanceClockAsync(fixture.OperatorToken, 1);

        var rebalanced = await fixture.Api.PortfolioAsync(driftedId, drifted.Token);
        var untouched = await fixture.Api.PortfolioAsync(onTargetId, onTarget.Token);
        Assert.NotEqual(JsonValueKind.Null, rebalanced.GetProperty("lastRebalancedAt").ValueKind);
        Assert.True(rebalanced.Dec("drift") < 0.01m, $"drift {rebalanced.Dec("drift")}");
        Assert.Equal(5, rebalanced.GetProperty("holdings").GetArrayLength());
        Assert.InRange(rebalanced.Dec("marketValue"), driftedBefore.Dec("marketValue") * 0.9m, driftedBefore.Dec("marketValue") * 1.1m);
        Assert.Equal(JsonValueKind.Null, untouched.GetProperty("lastRebalancedAt").ValueKind);
        Assert.True(untouched.Dec("drift") <= 0.05m, $"drift {untouched.Dec("drift")}");
    }

    [Fact]
    public async Task Recommendations_C2Portfolio_NeverAboveTheLevelAndRankedByGap()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(2_000m, WealthSteps.ModestAnswers);
        var id = portfolio.Str("id");
        await fixture.Api.SubscribedAsync(holder.Token, id, 1_000m, "BND-01");

        var ranked = (await fixture.Api.GetJsonAsync($"/portfolios/{id}/recommendations", holder.Token)).EnumerateArray().ToList();

        Assert.Equal(["BND-01", "MMF-01", "SBD-01"], ranked.Select(r => r.Str("productId")).Order(StringComparer.Ordinal));
        Assert.All(ranked, r => Assert.True(WealthSteps.Rank(r.Str("riskGrade")) <= 2, $"{r.Str("productId")} is {r.Str("riskGrade")}"));
        var gaps = ranked.Select(r => r.Dec("gap")).ToList();
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);
        Assert.Equal("SBD-01", ranked[0].Str("productId"));
        Assert.Equal(400m, ranked[0].Dec("suggestedAmount"), 0);
        Assert.Equal("BND-01", ranked[^1].Str("productId"));
        Assert.True(ranked[^1].Dec("gap") < 0);
    }

    [Fact]
    public async Task Valuations_AfterSubscriptionAndAWeek_ReturnAnIndexedSeriesEndingAtTheMarketValue()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        var first = (await fixture.Api.GetJsonAsync($"/portfolios/{id}/valuations", holder.Token)).EnumerateArray().ToList();

        await fixture.Api.AdvanceClockAsync(fixture.OperatorToken, 7);

        var series = (await fixture.Api.GetJsonAsync($"/portfolios/{id}/valuations", holder.Token)).EnumerateArray().ToList();
        var view = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.NotEmpty(first);
        Assert.True(series.Count >= first.Count + 4, $"{first.Count} then {series.Count} points");
        var dates = series.Select(p => p.GetProperty("date").GetString()!).ToList();
        Assert.Equal(dates.Order(StringComparer.Ordinal), dates);
        Assert.All(series, p => Assert.True(p.Dec("value") > 0 && p.Dec("index") > 0));
        Assert.InRange(series[0].Dec("value"), 999.90m, 1_000m);
        Assert.Equal(view.Dec("marketValue"), series[^1].Dec("value"), 2);
    }

    /// <summary>A C3 portfolio with 4,000 all in gold (target 15%): its drift is 85 percentage points.</summary>
    private async Task<(Holder Holder, string PortfolioId)> DriftedPortfolioAsync()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(5_000m);
        var id = portfolio.Str("id");
        await fixture.Api.SubscribedAsync(holder.Token, id, 4_000m, "GLD-01");
        return (holder, id);
    }
}
