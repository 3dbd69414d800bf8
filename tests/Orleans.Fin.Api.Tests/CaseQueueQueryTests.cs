using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

/// <summary>The case queue's filters and paging, done by the API: each test's cases carry a tag of their own in the trigger.</summary>
[Collection(ApiCollection.Name)]
public sealed class CaseQueueQueryTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task ListCases_ByTrigger_PagesOnlyTheMatchingCasesNewestFirst()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(3);

        var first = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&limit=2", fixture.OperatorToken);
        var second = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&limit=2&cursor={first.Str("nextCursor")}", fixture.OperatorToken);

        Assert.Equal([ids[2], ids[1]], Ids(first));
        Assert.Equal([ids[0]], Ids(second));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task ListCases_ByTriggerInAnotherCase_StillMatches()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(1);

        var page = await _api.GetJsonAsync($"/risk/cases?trigger={tag.ToUpperInvariant()}", fixture.OperatorToken);

        Assert.Equal(ids, Ids(page));
    }

    [Fact]
    public async Task ListCases_OrderSeverity_PagesOldestFirstWithinASeverity()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(3);

        var first = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&order=Severity&limit=2", fixture.OperatorToken);
        var second = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&order=Severity&limit=2&cursor={first.Str("nextCursor")}", fixture.OperatorToken);

        Assert.Equal([ids[0], ids[1]], Ids(first));
        Assert.Equal([ids[2]], Ids(second));
    }

    [Fact]
    public async Task ListCases_BySeverity_KeepsOnlyThatSeverity()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(2); // a referral opens a High case

        var high = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&severity=High", fixture.OperatorToken);
        var low = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&severity=Low", fixture.OperatorToken);

        Assert.Equal([ids[1], ids[0]], Ids(high));
        Assert.Empty(Ids(low));
    }

    [Fact]
    public async Task ListCases_ByStatus_SeparatesTheResolvedCase()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(2);
        var resolved = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{ids[0]}/resolve", fixture.RiskOfficerToken,
            new { outcome = "FalsePositive", note = "the customer travelled" });
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);

        var open = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&status=Open", fixture.OperatorToken);
        var closed = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&status=Closed", fixture.OperatorToken);

        Assert.Equal([ids[1]], Ids(open));
        Assert.Equal([ids[0]], Ids(closed));
    }

    [Fact]
    public async Task ListCases_ByAssigneeAndAssigned_SplitTakenFromWaiting()
    {
        var (tag, ids) = await OpenTaggedCasesAsync(3);
        var officer = $"officer-{tag}";
        var assigned = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{ids[1]}/assign", fixture.RiskOfficerToken, new { assignee = officer });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);

        var mine = await _api.GetJsonAsync($"/risk/cases?assignee={officer}", fixture.OperatorToken);
        var taken = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&assigned=true", fixture.OperatorToken);
        var waiting = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&assigned=false", fixture.OperatorToken);
        var someoneElse = await _api.GetJsonAsync($"/risk/cases?trigger={tag}&assignee={officer}x", fixture.OperatorToken);

        Assert.Equal([ids[1]], Ids(mine));
        Assert.Equal(officer, Assert.Single(mine.GetProperty("items").EnumerateArray()).Str("assignee"));
        Assert.Equal([ids[1]], Ids(taken));
        Assert.Equal([ids[2], ids[0]], Ids(waiting));
        Assert.Empty(Ids(someoneElse));
    }

    [Theory]
    [InlineData("severity=high", "severity")]
    [InlineData("severity=2", "severity")]
    [InlineData("assigned=yes", "assigned")]
    [InlineData("assigned=false&assignee=officer-1", "assigned")]
    [InlineData("order=Oldest", "order")]
    [InlineData("order=1", "order")]
    [InlineData("trigger=%20%20", "trigger")]
    [InlineData("trigger=a%01b", "trigger")]
    [InlineData("assignee=a%0Ab", "assignee")]
    [InlineData("status=Open&severity=High&cursor=0", "cursor")]
    public async Task ListCases_InvalidFilter_Is400WithFieldErrorAndNoItems(string queryString, string field)
    {
        var response = await _api.SendAsync(HttpMethod.Get, $"/risk/cases?{queryString}", fixture.RiskOfficerToken);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        Assert.False(problem.TryGetProperty("items", out _));
    }

    [Theory]
    [InlineData("trigger", 201)]
    [InlineData("assignee", 65)]
    public async Task ListCases_FilterTooLong_Is400(string field, int length)
    {
        var response = await _api.SendAsync(HttpMethod.Get, $"/risk/cases?{field}={new string('x', length)}", fixture.RiskOfficerToken);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListCases_FilteredByCustomerToken_Is403()
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendAsync(HttpMethod.Get, "/risk/cases?assigned=false&order=Severity", holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    /// <summary>Refers new customers one after another, each with the same fresh tag in its reason; ids oldest first.</summary>
    private async Task<(string Tag, List<string> Ids)> OpenTaggedCasesAsync(int count)
    {
        var tag = Guid.NewGuid().ToString("N")[..12];
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var holder = await _api.FundedAccountAsync(10m);
            var response = await _api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken,
                new { customerId = holder.CustomerId, reason = $"queue check {tag} #{i}" });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.ReadJsonAsync()).Str("id"));
        }

        return (tag, ids);
    }

    private static List<string> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(c => c.Str("id"))];
}
