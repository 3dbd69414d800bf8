using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthConcurrencyTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Subscribe_EightConcurrentWithOneKey_MoveMoneyOnce()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var id = portfolio.Str("id");
        var key = ApiSteps.NewKey();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Api.SubscribeAsync(holder.Token, id, 250m, key: key)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var orders = await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()));
        Assert.Single(orders.Select(o => o.Str("id")).Distinct(StringComparer.Ordinal));
        Assert.All(orders, o => Assert.Equal("Completed", o.Str("status")));
        await fixture.Api.AssertInvestedAsync(holder, id, 750m, 250m);
    }

    [Fact]
    public async Task Subscribe_EightConcurrentBeyondTheBalance_DebitsOnlyTheCompletedOrders()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var id = portfolio.Str("id");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Api.SubscribeAsync(holder.Token, id, 300m)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var statuses = (await Task.WhenAll(responses.Select(r => r.ReadJsonAsync()))).Select(o => o.Str("status")).ToList();
        Assert.Equal(3, statuses.Count(s => s == "Completed"));
        Assert.Equal(5, statuses.Count(s => s == "Declined"));
        await fixture.Api.AssertInvestedAsync(holder, id, 100m, 900m);
    }

    [Fact]
    public async Task Redeem_EightConcurrentForHalfTheValue_NeverPaysMoreThanTheValue()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 2_000m);
        var value = (await fixture.Api.PortfolioAsync(id, holder.Token)).Dec("marketValue");
        var half = decimal.Round(value / 2, 2, MidpointRounding.ToZero);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => fixture.Api.RedeemAsync(holder.Token, id, half)));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await FinApiClient.AssertProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "business-rule");
        }

        Assert.Equal(2 * half, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal(value - (2 * half), after.Dec("marketValue"), 2);
        Assert.True(after.Dec("cash") >= 0m, $"cash {after.Dec("cash")}");
    }
}
