using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class RiskEndpointTests(FinNodeFixture fixture)
{
    private const string UnknownCaseId = "case_00000000000000000000000000";
    private static readonly string[] Levels = ["Low", "Medium", "High"];
    private readonly FinApiClient _api = fixture.Api;

    [Theory]
    [InlineData("/risk/customers/{customer}")]
    [InlineData("/risk/cases")]
    [InlineData("/risk/cases?status=Open")]
    [InlineData("/risk/cases/" + UnknownCaseId)]
    [InlineData("/risk/alerts")]
    [InlineData("/risk/audit?customerId={customer}")]
    [InlineData("/risk/labels?month=2025-01")]
    [InlineData("/ops/kpis")]
    public async Task RiskReads_ByCustomer_Are403EvenForItsOwnData(string path)
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendAsync(HttpMethod.Get, path.Replace("{customer}", holder.CustomerId, StringComparison.Ordinal), holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [InlineData("/risk/cases", """{ "customerId": "cus_00000000000000000000000000", "reason": "x" }""")]
    [InlineData("/risk/cases/" + UnknownCaseId + "/assign", """{ "assignee": "me" }""")]
    [InlineData("/risk/cases/" + UnknownCaseId + "/resolve", """{ "outcome": "FalsePositive", "note": "mine" }""")]
    public async Task RiskDecisions_ByCustomer_Are403(string path, string body)
    {
        var holder = await _api.FundedAccountAsync(10m);

        var response = await _api.SendTextAsync(HttpMethod.Post, path, holder.Token, body, key: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task RiskReads_Anonymous_Are401()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/risk/cases", token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task GetRiskProfile_ByOperator_ShowsLevelScoreFlagsAndSignals()
    {
        var holder = await _api.FundedAccountAsync(10m);

        var profile = await _api.GetJsonAsync($"/risk/customers/{holder.CustomerId}", fixture.OperatorToken);

        Assert.Equal(holder.CustomerId, profile.Str("customerId"));
        Assert.Contains(profile.Str("riskLevel"), Levels);
        Assert.InRange(profile.GetProperty("score").GetInt32(), 0, 100);
        Assert.Equal(JsonValueKind.Array, profile.GetProperty("flags").ValueKind);
        Assert.Equal(JsonValueKind.Array, profile.GetProperty("recentSignals").ValueKind);
        Assert.True(profile.TryGetProperty("watchlisted", out _));
    }

    [Fact]
    public async Task GetRiskProfile_UnknownCustomer_Is404()
    {
        var response = await _api.SendAsync(HttpMethod.Get, $"/risk/customers/{ApiSteps.UnknownCustomerId}", fixture.RiskOfficerToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Case_OpenAssignResolveFalsePositive_FreezesThenUnfreezes()
    {
        var holder = await _api.FundedAccountAsync(100m);

        var opened = await _api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken,
            new { customerId = holder.CustomerId, reason = "reported stolen phone" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var created = await opened.ReadJsonAsync();
        var id = created.Str("id");
        Assert.Equal($"/risk/cases/{id}", opened.Headers.Location?.OriginalString);
        Assert.Equal(("Open", holder.CustomerId, "High"), (created.Str("status"), created.Str("customerId"), created.Str("severity")));
        Assert.Equal(holder.AccountId, Assert.Single(created.GetProperty("accountIds").EnumerateArray()).GetString());
        Assert.Equal("Frozen", (await _api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.OperatorToken)).Str("status"));
        Assert.Contains(await ListAsync($"/risk/cases?status=Open&limit=500", fixture.OperatorToken), c => c.Str("id") == id);
        Assert.Equal(id, (await _api.GetJsonAsync($"/risk/customers/{holder.CustomerId}", fixture.AdminToken)).Str("openCaseId"));

        var assigned = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{id}/assign", fixture.RiskOfficerToken, new { assignee = "officer-7" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("officer-7", (await assigned.ReadJsonAsync()).Str("assignee"));

        var resolved = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{id}/resolve", fixture.RiskOfficerToken,
            new { outcome = "FalsePositive", note = "the customer still had the phone" });

        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var closed = await resolved.ReadJsonAsync();
        Assert.Equal(("Closed", "FalsePositive", FinNodeFixture.RiskOfficerSubject), (closed.Str("status"), closed.Str("outcome"), closed.Str("resolvedBy")));
        Assert.Equal("Active", (await _api.GetJsonAsync($"/accounts/{holder.AccountId}", fixture.OperatorToken)).Str("status"));
        Assert.Equal("Closed", (await _api.GetJsonAsync($"/risk/cases/{id}", fixture.OperatorToken)).Str("status"));
        Assert.Contains(await ListAsync("/risk/cases?status=Closed&limit=500", fixture.OperatorToken), c => c.Str("id") == id && c.Str("outcome") == "FalsePositive");
        Assert.DoesNotContain(await ListAsync("/risk/cases?status=Open&limit=500", fixture.OperatorToken), c => c.Str("id") == id);
        var month = closed.GetProperty("resolvedAt").GetDateTimeOffset().UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var label = Assert.Single(await ListAsync($"/risk/labels?month={month}&limit=500", fixture.AdminToken), l => l.Str("caseId") == id);
        Assert.False(label.GetProperty("isFraud").GetBoolean());

        var again = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{id}/resolve", fixture.AdminToken, new { outcome = "ConfirmedFraud", note = "changed my mind" });
        await FinApiClient.AssertProblemAsync(again, HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task ResolveCase_ByOperator_Is403()
    {
        var (id, _) = await OpenCaseAsync();

        var response = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{id}/resolve", fixture.OperatorToken, new { outcome = "FalsePositive", note = "n" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("Open", (await _api.GetJsonAsync($"/risk/cases/{id}", fixture.OperatorToken)).Str("status"));
    }

    [Theory]
    [InlineData("""{ "outcome": "Fraud", "note": "n" }""", "outcome")]
    [InlineData("""{ "outcome": "1", "note": "n" }""", "outcome")]
    [InlineData("""{ "note": "n" }""", "outcome")]
    [InlineData("""{ "outcome": "ConfirmedFraud", "note": " " }""", "note")]
    public async Task ResolveCase_InvalidBody_Is400WithFieldError(string body, string field)
    {
        var (id, _) = await OpenCaseAsync();

        var response = await _api.SendTextAsync(HttpMethod.Post, $"/risk/cases/{id}/resolve", fixture.RiskOfficerToken, body, key: null);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Theory]
    [InlineData("/risk/cases/" + UnknownCaseId)]
    [InlineData("/risk/cases/not-a-case")]
    public async Task GetCase_Unknown_Is404(string path)
    {
        var response = await _api.SendAsync(HttpMethod.Get, path, fixture.RiskOfficerToken);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/risk/cases?status=open", "status")]
    [InlineData("/risk/cases?limit=0", "limit")]
    [InlineData("/risk/cases?limit=501", "limit")]
    [InlineData("/risk/cases?cursor=abc", "cursor")]
    [InlineData("/risk/alerts?kind=Nope", "kind")]
    [InlineData("/risk/audit", "customerId")]
    [InlineData("/risk/labels?month=2025-13", "month")]
    public async Task Lists_InvalidQuery_Are400(string path, string field)
    {
        var response = await _api.SendAsync(HttpMethod.Get, path, fixture.RiskOfficerToken);

        var problem = await FinApiClient.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task ListCases_PagesWithCursorNewestFirst()
    {
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await OpenCaseAsync()).Id);
        }

        var first = await _api.GetJsonAsync("/risk/cases?status=Open&limit=2", fixture.OperatorToken);
        var second = await _api.GetJsonAsync($"/risk/cases?status=Open&limit=2&cursor={first.Str("nextCursor")}", fixture.OperatorToken);

        var page1 = first.GetProperty("items").EnumerateArray().Select(c => c.Str("id")).ToList();
        var page2 = second.GetProperty("items").EnumerateArray().Select(c => c.Str("id")).ToList();
        Assert.Equal([ids[2], ids[1]], page1);
        Assert.Equal(ids[0], page2[0]);
        Assert.Empty(page1.Intersect(page2));
    }

    [Fact]
    public async Task AlertsAndAudit_AfterACase_ShowTheFreezeWithWhoWhenWhy()
    {
        var (id, holder) = await OpenCaseAsync();

        var alerts = await ListAsync($"/risk/alerts?customerId={holder.CustomerId}", fixture.OperatorToken);
        var audit = await ListAsync($"/risk/audit?customerId={holder.CustomerId}&limit=500", fixture.RiskOfficerToken);

        var alert = Assert.Single(alerts, a => a.Str("kind") == "FraudSuspected");
        Assert.Equal(id, alert.Str("caseId"));
        var freeze = Assert.Single(audit, e => e.Str("action") == "Freeze");
        Assert.Equal((FinNodeFixture.RiskOfficerSubject, holder.AccountId, id), (freeze.Str("by"), freeze.Str("accountId"), freeze.Str("caseId")));
        Assert.False(string.IsNullOrWhiteSpace(freeze.Str("why")));
        Assert.True(freeze.TryGetProperty("modelVersion", out _));
        Assert.Contains(audit, e => e.Str("action") == "CaseOpened");
    }

    private async Task<(string Id, Holder Holder)> OpenCaseAsync()
    {
        var holder = await _api.FundedAccountAsync(10m);
        var response = await _api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken, new { customerId = holder.CustomerId, reason = "test" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return ((await response.ReadJsonAsync()).Str("id"), holder);
    }

    private async Task<List<JsonElement>> ListAsync(string path, string token) =>
        [.. (await _api.GetJsonAsync(path, token)).GetProperty("items").EnumerateArray()];
}
