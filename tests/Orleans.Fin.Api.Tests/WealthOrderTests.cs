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
        var view = await fixture.Api.GetJsonAsync($"/portfolios/{id}", holder.Token);
        Assert.Equal(5, view.GetProperty("holdings").GetArrayLength());
        Assert.InRange(view.Dec("marketValue"), 5_999.90m, 6_000m);
        Assert.Equal(6_000m, order.GetProperty("trades").EnumerateArray().Sum(t => t.Dec("amount")) + view.Dec("cash"));
        Assert.True(view.Dec("drift") < 0.001m, $"drift {view.Dec("drift")}");
    }
}
