using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>Steps for the wealth tests: portfolios opened from funded accounts, orders with fresh idempotency keys.</summary>
internal static class WealthSteps
{
    public static readonly int[] BalancedAnswers = [3, 3, 3, 3, 3]; // 15 → C3
    public static readonly int[] BoldAnswers = [5, 5, 5, 5, 5]; // 25 → C5
    public static readonly int[] CautiousAnswers = [1, 1, 2, 2, 2]; // 8 → C1

    public static async Task<(Holder Holder, JsonElement Portfolio)> OpenPortfolioAsync(
        this FinApiClient api, decimal deposit, int[]? answers = null, string goal = "Growth", int horizonYears = 10)
    {
        var holder = await api.FundedAccountAsync(deposit);
        var response = await api.SendAsync(HttpMethod.Post, "/portfolios", holder.Token, new
        {
            customerId = holder.CustomerId,
            accountId = holder.AccountId,
            answers = answers ?? BalancedAnswers,
            goal,
            horizonYears,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (holder, await response.ReadJsonAsync());
    }

    public static Task<HttpResponseMessage> SubscribeAsync(
        this FinApiClient api, string token, string portfolioId, decimal amount, string? productId = null, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolioId}/subscriptions", token, new { amount, productId }, key ?? ApiSteps.NewKey());

    public static Task<HttpResponseMessage> RedeemAsync(this FinApiClient api, string token, string portfolioId, decimal amount, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolioId}/redemptions", token, new { amount }, key ?? ApiSteps.NewKey());

    public static async Task<JsonElement> SubscribedAsync(this FinApiClient api, string token, string portfolioId, decimal amount, string? productId = null)
    {
        var response = await api.SubscribeAsync(token, portfolioId, amount, productId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.ReadJsonAsync();
        Assert.Equal("Completed", order.Str("status"));
        return order;
    }

    public static decimal Dec(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();
}
