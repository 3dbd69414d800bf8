using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthOrderTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Subscribe_AlongTargets_MovesCashIntoUnitsAndKeepsValue()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(10_000m);
        var id = portfolio.Str("id");

        var order = await fixture.Api.SubscribedAsync(holder.Token, id, 6_000m);

        Assert.Equal(4_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var view = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal(5, view.GetProperty("holdings").GetArrayLength());
        Assert.InRange(view.Dec("marketValue"), 5_999.90m, 6_000m);
        Assert.Equal(6_000m, order.Items("trades").Sum(t => t.Dec("amount")) + view.Dec("cash"));
        Assert.True(view.Dec("drift") < 0.001m, $"drift {view.Dec("drift")}");
    }

    [Fact]
    public async Task Subscribe_OneProduct_BuysOnlyThatProduct()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var id = portfolio.Str("id");

        var order = await fixture.Api.SubscribedAsync(holder.Token, id, 400m, "GLD-01");

        var trade = Assert.Single(order.Items("trades"));
        Assert.Equal(("GLD-01", "Buy", 400m), (trade.Str("productId"), trade.Str("side"), trade.Dec("amount")));
        Assert.Equal(600m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var view = await fixture.Api.PortfolioAsync(id, holder.Token);
        var holding = Assert.Single(view.Items("holdings"));
        Assert.Equal(("GLD-01", trade.Dec("units")), (holding.Str("productId"), holding.Dec("units")));
        Assert.Equal(1m, holding.Dec("weight"), 3);
    }

    [Theory]
    [InlineData(new[] { 2, 2, 2, 2, 2 }, "BAL-01")]
    [InlineData(new[] { 1, 1, 2, 2, 2 }, "SBD-01")]
    [InlineData(new[] { 3, 3, 3, 3, 3 }, "IDX-300")]
    [InlineData(new[] { 4, 4, 4, 4, 4 }, "SEC-01")]
    public async Task Subscribe_ProductAboveLevel_Is422SuitabilityAndMovesNothing(int[] answers, string productId)
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m, answers);
        var id = portfolio.Str("id");

        var response = await fixture.Api.SubscribeAsync(holder.Token, id, 500m, productId);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "suitability");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Empty((await fixture.Api.PortfolioAsync(id, holder.Token)).Items("holdings"));
    }

    [Fact]
    public async Task Subscribe_UnknownProduct_Is400()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.SubscribeAsync(holder.Token, portfolio.Str("id"), 100m, "NOPE-01");

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(0.001)]
    public async Task Subscribe_InvalidAmount_Is400(decimal amount)
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.SubscribeAsync(holder.Token, portfolio.Str("id"), amount);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Subscribe_WithoutIdempotencyKey_Is400()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolio.Str("id")}/subscriptions", holder.Token, new { amount = 100m });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Subscribe_InsufficientFunds_IsDeclinedAndChangesNothing()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(100m);
        var id = portfolio.Str("id");

        var response = await fixture.Api.SubscribeAsync(holder.Token, id, 500m);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.ReadJsonAsync();
        Assert.Equal(("Declined", "InsufficientFunds"), (order.Str("status"), order.Str("declineReason")));
        Assert.Equal(100m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var view = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal((0m, 0m, 0m), (view.Dec("marketValue"), view.Dec("cash"), view.Dec("netInvested")));
        Assert.Empty(view.Items("holdings"));
    }

    [Fact]
    public async Task Subscribe_ReplayedKey_ReturnsTheSameOrderAndMovesMoneyOnce()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var id = portfolio.Str("id");
        var key = ApiSteps.NewKey();

        var first = await (await fixture.Api.SubscribeAsync(holder.Token, id, 300m, key: key)).ReadJsonAsync();
        var again = await fixture.Api.SubscribeAsync(holder.Token, id, 300m, key: key);

        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var second = await again.ReadJsonAsync();
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal("Completed", second.Str("status"));
        await fixture.Api.AssertInvestedAsync(holder, id, 700m, 300m);
        var stored = await fixture.Api.GetJsonAsync($"/portfolios/{id}/orders/{first.Str("id")}", holder.Token);
        Assert.Equal((first.Str("id"), "Subscription", 300m), (stored.Str("id"), stored.Str("kind"), stored.Dec("amount")));
    }

    [Fact]
    public async Task Subscribe_SameKeyOtherBody_Is409AndMovesNothingMore()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var id = portfolio.Str("id");
        var key = ApiSteps.NewKey();
        await CompletedAsync(await fixture.Api.SubscribeAsync(holder.Token, id, 300m, key: key));

        var otherAmount = await fixture.Api.SubscribeAsync(holder.Token, id, 301m, key: key);
        var otherProduct = await fixture.Api.SubscribeAsync(holder.Token, id, 300m, "MMF-01", key);

        await FinApiClient.AssertProblemAsync(otherAmount, HttpStatusCode.Conflict, "idempotency-conflict");
        await FinApiClient.AssertProblemAsync(otherProduct, HttpStatusCode.Conflict, "idempotency-conflict");
        Assert.Equal(700m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task GetOrder_UnknownOrderId_Is404()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.SendAsync(HttpMethod.Get, $"/portfolios/{portfolio.Str("id")}/orders/mov_00000000000000000000000000", holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    private static async Task CompletedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("Completed", (await response.ReadJsonAsync()).Str("status"));
    }
}
