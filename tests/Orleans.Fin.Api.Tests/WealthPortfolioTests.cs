using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class WealthPortfolioTests(FinNodeFixture fixture)
{
    [Theory]
    [InlineData(new[] { 1, 1, 2, 2, 2 }, "Growth", 10, "C1")]
    [InlineData(new[] { 2, 2, 2, 2, 2 }, "Income", 5, "C2")]
    [InlineData(new[] { 3, 3, 3, 3, 3 }, "Growth", 10, "C3")]
    [InlineData(new[] { 4, 4, 4, 4, 4 }, "Retirement", 20, "C4")]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, "Growth", 10, "C5")]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, "Preservation", 10, "C4")]
    [InlineData(new[] { 4, 4, 4, 4, 4 }, "Growth", 1, "C3")]
    [InlineData(new[] { 1, 1, 1, 1, 1 }, "Preservation", 0, "C1")]
    public async Task Open_Answers_Is201WithLevelAndSuitableTargetsSummingToOne(int[] answers, string goal, int horizonYears, string level)
    {
        var holder = await fixture.Api.FundedAccountAsync(100m);

        var response = await fixture.Api.OpenPortfolioResponseAsync(holder, answers, goal, horizonYears);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var portfolio = await response.ReadJsonAsync();
        Assert.Equal($"/portfolios/{portfolio.Str("id")}", response.Headers.Location?.OriginalString);
        Assert.Equal(level, portfolio.Str("riskLevel"));
        var targets = portfolio.Items("targetAllocation").ToList();
        Assert.NotEmpty(targets);
        Assert.Equal(1m, targets.Sum(t => t.Dec("weight")));
        var grades = await GradesAsync(holder.Token);
        Assert.All(targets, t => Assert.True(
            WealthSteps.Rank(grades[t.Str("productId")]) <= WealthSteps.Rank(level), $"{t.Str("productId")} is above {level}"));
        Assert.False(portfolio.GetProperty("assessmentExpired").GetBoolean());
        Assert.Equal(0m, portfolio.Dec("marketValue"));
        Assert.Empty(portfolio.Items("holdings"));
    }

    [Fact]
    public async Task Get_AfterOpen_ReturnsTheSamePortfolioToItsOwner()
    {
        var (holder, opened) = await fixture.Api.OpenPortfolioAsync(100m, WealthSteps.BoldAnswers);

        var portfolio = await fixture.Api.PortfolioAsync(opened.Str("id"), holder.Token);

        Assert.Equal(
            (opened.Str("id"), holder.CustomerId, holder.AccountId, "C5", "CNY"),
            (portfolio.Str("id"), portfolio.Str("customerId"), portfolio.Str("accountId"), portfolio.Str("riskLevel"), portfolio.Str("currency")));
        Assert.Equal(JsonValueKind.Null, portfolio.GetProperty("lastRebalancedAt").ValueKind);
    }

    private static readonly int[] FourAnswers = [3, 3, 3, 3];
    private static readonly int[] SixAnswers = [3, 3, 3, 3, 3, 3];
    private static readonly int[] AnswerSix = [3, 3, 6, 3, 3];
    private static readonly int[] AnswerZero = [0, 3, 3, 3, 3];

    public static TheoryData<string, int[]?, string?, int?> InvalidAssessments => new()
    {
        { "four answers", FourAnswers, "Growth", 10 },
        { "six answers", SixAnswers, "Growth", 10 },
        { "answer 6", AnswerSix, "Growth", 10 },
        { "answer 0", AnswerZero, "Growth", 10 },
        { "no answers", null, "Growth", 10 },
        { "unknown goal", WealthSteps.BalancedAnswers, "Speculation", 10 },
        { "goal in lower case", WealthSteps.BalancedAnswers, "growth", 10 },
        { "no goal", WealthSteps.BalancedAnswers, null, 10 },
        { "negative horizon", WealthSteps.BalancedAnswers, "Growth", -1 },
        { "no horizon", WealthSteps.BalancedAnswers, "Growth", null },
    };

    [Theory]
    [MemberData(nameof(InvalidAssessments))]
    public async Task Open_InvalidAssessment_Is400AndCreatesNothing(string because, int[]? answers, string? goal, int? horizonYears)
    {
        var holder = await fixture.Api.FundedAccountAsync(100m);

        var response = await fixture.Api.OpenPortfolioResponseAsync(holder, answers, goal, horizonYears);

        Assert.Null(response.Headers.Location);
        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(100m == await fixture.Api.BalanceAsync(holder.AccountId, holder.Token), because);
    }

    [Theory]
    [InlineData("not-a-customer", null)]
    [InlineData(null, "acc_bad id")]
    [InlineData("", null)]
    public async Task Open_MalformedIds_Is400(string? customerId, string? accountId)
    {
        var holder = await fixture.Api.FundedAccountAsync(100m);

        var response = await fixture.Api.OpenPortfolioResponseAsync(
            holder, WealthSteps.BalancedAnswers, "Growth", 10, customerId: customerId, accountId: accountId);

        Assert.Null(response.Headers.Location);
        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
    }

    [Fact]
    public async Task Open_AnotherCustomersAccount_Is403()
    {
        var holder = await fixture.Api.FundedAccountAsync(100m);
        var other = await fixture.Api.FundedAccountAsync(100m);

        var response = await fixture.Api.OpenPortfolioResponseAsync(holder, WealthSteps.BalancedAnswers, "Growth", 10, accountId: other.AccountId);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Open_ForAnotherCustomer_Is403()
    {
        var holder = await fixture.Api.FundedAccountAsync(100m);
        var other = await fixture.Api.FundedAccountAsync(100m);

        var response = await fixture.Api.OpenPortfolioResponseAsync(
            holder, WealthSteps.BalancedAnswers, "Growth", 10, customerId: other.CustomerId, accountId: other.AccountId);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Open_NonCnyAccount_Is422BusinessRule()
    {
        var holder = await fixture.Api.FundedAccountAsync(100m, "USD");

        var response = await fixture.Api.OpenPortfolioResponseAsync(holder, WealthSteps.BalancedAnswers, "Growth", 10);

        Assert.Null(response.Headers.Location);
        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    private async Task<Dictionary<string, string>> GradesAsync(string token) =>
        (await fixture.Api.GetJsonAsync("/products", token)).EnumerateArray()
            .ToDictionary(p => p.Str("id"), p => p.Str("riskGrade"), StringComparer.Ordinal);

    [Fact]
    public async Task ListCustomerPortfolios_TwoOpened_ListsBothToTheOwnerAndStaffOnly()
    {
        var (holder, first) = await fixture.Api.OpenPortfolioAsync(1_000m);
        var second = await fixture.Api.OpenPortfolioResponseAsync(holder, WealthSteps.ModestAnswers, "Income", 5);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var secondId = (await second.ReadJsonAsync()).Str("id");
        var (_, strangerToken) = await fixture.Api.NewCustomerAsync();

        var mine = await fixture.Api.GetJsonAsync($"/customers/{holder.CustomerId}/portfolios", holder.Token);
        var asStaff = await fixture.Api.GetJsonAsync($"/customers/{holder.CustomerId}/portfolios", fixture.RiskOfficerToken);
        var profile = await fixture.Api.GetJsonAsync($"/customers/{holder.CustomerId}", holder.Token);
        var asStranger = await fixture.Api.SendAsync(HttpMethod.Get, $"/customers/{holder.CustomerId}/portfolios", strangerToken);

        string[] expected = [.. new[] { first.Str("id"), secondId }.Order(StringComparer.Ordinal)];
        Assert.Equal(expected, mine.EnumerateArray().Select(p => p.Str("id")).Order(StringComparer.Ordinal));
        Assert.Contains(mine.EnumerateArray(), p => p.Str("id") == secondId && p.Str("riskLevel") == "C2");
        Assert.Equal(2, asStaff.GetArrayLength());
        Assert.Equal(expected, profile.Items("portfolioIds").Select(p => p.GetString()!).Order(StringComparer.Ordinal));
        await FinApiClient.AssertProblemAsync(asStranger, HttpStatusCode.Forbidden, "forbidden");
    }
}
