using System.Net;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthRedemptionTests(FinNodeFixture fixture)
{
    [Fact]
    public async Task Redeem_PartOfTheValue_PaysTheAmountBackToTheAccount()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(5_000m, 4_000m);
        var before = await fixture.Api.PortfolioAsync(id, holder.Token);

        var order = await fixture.Api.RedeemedAsync(holder.Token, id, 1_500m);

        Assert.Equal(("Redemption", 1_500m), (order.Str("kind"), order.Dec("amount")));
        Assert.All(order.Items("trades"), t => Assert.Equal("Sell", t.Str("side")));
        Assert.Equal(1_000m + 1_500m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal(before.Dec("marketValue") - 1_500m, after.Dec("marketValue"), 2);
        Assert.Equal(2_500m, after.Dec("netInvested"));
    }

    [Fact]
    public async Task Redeem_MoreThanTheMarketValue_Is422BusinessRuleAndMovesNothing()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(5_000m, 1_000m);
        var value = (await fixture.Api.PortfolioAsync(id, holder.Token)).Dec("marketValue");

        var response = await fixture.Api.RedeemAsync(holder.Token, id, value + 0.01m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal(4_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
        Assert.Equal(value, (await fixture.Api.PortfolioAsync(id, holder.Token)).Dec("marketValue"));
    }

    [Fact]
    public async Task Redeem_EmptyPortfolio_Is422BusinessRule()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(1_000m);

        var response = await fixture.Api.RedeemAsync(holder.Token, portfolio.Str("id"), 1m);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
        Assert.Equal(1_000m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Redeem_TheWholeMarketValue_LeavesThePortfolioEmpty()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(3_000m, 2_345.67m);
        var value = (await fixture.Api.PortfolioAsync(id, holder.Token)).Dec("marketValue");

        await fixture.Api.RedeemedAsync(holder.Token, id, value);

        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.Equal((0m, 0m), (after.Dec("marketValue"), after.Dec("cash")));
        Assert.Empty(after.Items("holdings"));
        Assert.Equal(3_000m - 2_345.67m + value, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Redeem_AllButOneCent_LeavesACentAndNoNegativeCash()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(3_000m, 2_999.99m);
        var value = (await fixture.Api.PortfolioAsync(id, holder.Token)).Dec("marketValue");

        await fixture.Api.RedeemedAsync(holder.Token, id, value - 0.01m);

        var after = await fixture.Api.PortfolioAsync(id, holder.Token);
        Assert.True(after.Dec("cash") >= 0m, $"cash {after.Dec("cash")}");
        Assert.InRange(after.Dec("marketValue"), 0m, 0.05m);
        Assert.Equal(0.01m + value - 0.01m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task Redeem_ReplayedKey_PaysOnce()
    {
        var (holder, id) = await fixture.Api.InvestedPortfolioAsync(2_000m, 1_000m);
        var key = ApiSteps.NewKey();

        var first = await fixture.Api.RedeemAsync(holder.Token, id, 400m, key);
        var second = await fixture.Api.RedeemAsync(holder.Token, id, 400m, key);
        var other = await fixture.Api.RedeemAsync(holder.Token, id, 401m, key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));
        Assert.Equal((await first.ReadJsonAsync()).Str("id"), (await second.ReadJsonAsync()).Str("id"));
        await FinApiClient.AssertProblemAsync(other, HttpStatusCode.Conflict, "idempotency-conflict");
        Assert.Equal(1_400m, await fixture.Api.BalanceAsync(holder.AccountId, holder.Token));
    }

    [Fact]
    public async Task SubscribeThenRedeem_CustomerAndCustodyAccounts_SumToZeroChange()
    {
        var (holder, portfolio) = await fixture.Api.OpenPortfolioAsync(2_000m);
        var id = portfolio.Str("id");
        var custodyBefore = await fixture.Api.SystemBalancesAsync(fixture.OperatorToken, "funds");
        var accountBefore = await fixture.Api.BalanceAsync(holder.AccountId, fixture.OperatorToken);

        await fixture.Api.SubscribedAsync(holder.Token, id, 1_200m);
        var custodyMid = await fixture.Api.SystemBalancesAsync(fixture.OperatorToken, "funds");
        await fixture.Api.RedeemedAsync(holder.Token, id, 700m);

        var custodyAfter = await fixture.Api.SystemBalancesAsync(fixture.OperatorToken, "funds");
        var accountAfter = await fixture.Api.BalanceAsync(holder.AccountId, fixture.OperatorToken);
        var custodyDelta = custodyAfter.Sum(c => c.Value - custodyBefore[c.Key]);
        Assert.Equal(-500m, accountAfter - accountBefore);
        Assert.Equal(0m, (accountAfter - accountBefore) + custodyDelta);
        Assert.Equal(1_200m, custodyMid.Sum(c => c.Value - custodyBefore[c.Key]));
    }
}
