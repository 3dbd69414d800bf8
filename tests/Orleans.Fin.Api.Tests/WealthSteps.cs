using System.Globalization;
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
    public static readonly int[] ModestAnswers = [2, 2, 2, 2, 2]; // 10 → C2

    public static async Task<(Holder Holder, JsonElement Portfolio)> OpenPortfolioAsync(
        this FinApiClient api, decimal deposit, int[]? answers = null, string goal = "Growth", int horizonYears = 10)
    {
        var holder = await api.FundedAccountAsync(deposit);
        var response = await api.OpenPortfolioResponseAsync(holder, answers ?? BalancedAnswers, goal, horizonYears);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (holder, await response.ReadJsonAsync());
    }

    public static Task<HttpResponseMessage> OpenPortfolioResponseAsync(
        this FinApiClient api, Holder holder, object? answers, string? goal, int? horizonYears, string? customerId = null, string? accountId = null) =>
        api.SendAsync(HttpMethod.Post, "/portfolios", holder.Token, new
        {
            customerId = customerId ?? holder.CustomerId,
            accountId = accountId ?? holder.AccountId,
            answers,
            goal,
            horizonYears,
        });

    /// <summary>A portfolio that has already bought along its targets with <paramref name="invested"/> of the deposit.</summary>
    public static async Task<(Holder Holder, string PortfolioId)> InvestedPortfolioAsync(
        this FinApiClient api, decimal deposit, decimal invested, int[]? answers = null)
    {
        var (holder, portfolio) = await api.OpenPortfolioAsync(deposit, answers);
        var id = portfolio.Str("id");
        await api.SubscribedAsync(holder.Token, id, invested);
        return (holder, id);
    }

    public static Task<HttpResponseMessage> SubscribeAsync(
        this FinApiClient api, string token, string portfolioId, decimal amount, string? productId = null, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolioId}/subscriptions", token, new { amount, productId }, key ?? ApiSteps.NewKey());

    public static Task<HttpResponseMessage> RedeemAsync(this FinApiClient api, string token, string portfolioId, decimal amount, string? key = null) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolioId}/redemptions", token, new { amount }, key ?? ApiSteps.NewKey());

    public static async Task<JsonElement> SubscribedAsync(this FinApiClient api, string token, string portfolioId, decimal amount, string? productId = null) =>
        await CompletedAsync(await api.SubscribeAsync(token, portfolioId, amount, productId));

    public static async Task<JsonElement> RedeemedAsync(this FinApiClient api, string token, string portfolioId, decimal amount) =>
        await CompletedAsync(await api.RedeemAsync(token, portfolioId, amount));

    public static Task<JsonElement> PortfolioAsync(this FinApiClient api, string portfolioId, string token) =>
        api.GetJsonAsync($"/portfolios/{portfolioId}", token);

    public static Task<HttpResponseMessage> RebalanceAsync(this FinApiClient api, string token, string portfolioId) =>
        api.SendAsync(HttpMethod.Post, $"/portfolios/{portfolioId}/rebalance", token);

    public static async Task AdvanceClockAsync(this FinApiClient api, string operatorToken, int days)
    {
        var response = await api.SendAsync(HttpMethod.Post, "/ops/clock/advance", operatorToken, new { days });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The account holds <paramref name="balance"/> and the portfolio has taken in <paramref name="invested"/>, worth it less unit rounding.</summary>
    public static async Task AssertInvestedAsync(this FinApiClient api, Holder holder, string portfolioId, decimal balance, decimal invested)
    {
        Assert.Equal(balance, await api.BalanceAsync(holder.AccountId, holder.Token));
        var view = await api.PortfolioAsync(portfolioId, holder.Token);
        Assert.Equal(invested, view.Dec("netInvested"));
        Assert.InRange(view.Dec("marketValue"), invested - 0.10m, invested);
    }

    /// <summary>The number of a risk grade or level: "R3" → 3, "C2" → 2.</summary>
    public static int Rank(string gradeOrLevel) => int.Parse(gradeOrLevel[1..], CultureInfo.InvariantCulture);

    public static decimal Dec(this JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    public static IEnumerable<JsonElement> Items(this JsonElement element, string property) => element.GetProperty(property).EnumerateArray();

    private static async Task<JsonElement> CompletedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var order = await response.ReadJsonAsync();
        Assert.Equal("Completed", order.Str("status"));
        return order;
    }
}
