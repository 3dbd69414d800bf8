using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class LoanOpsTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GetKpis_AfterApplications_FillsCreditRates()
    {
        var holder = await _api.FundedAccountAsync(0m);
        await _api.ApprovedLoanAsync(holder, 700m);
        await _api.ApplyAsync(holder, LoanSteps.Risky(holder, 1500m));

        var kpis = await _api.GetJsonAsync("/ops/kpis", fixture.OperatorToken);

        Assert.InRange(kpis.GetProperty("autoDecisionRate").GetDouble(), 0.0, 1.0);
        Assert.InRange(kpis.GetProperty("approvalRate").GetDouble(), 0.0, 1.0);
        Assert.True(kpis.GetProperty("loans").GetProperty("applications").GetInt64() >= 2);
        foreach (var ratio in new[] { "overdueRate", "nplRatio" })
        {
            var value = kpis.GetProperty(ratio);
            Assert.True(value.ValueKind == JsonValueKind.Null || value.GetDouble() is >= 0 and <= 1, ratio);
        }
    }

    [Fact]
    public async Task GetModels_Staff_ListsBothModelsWithPinnedVersionsAndMetrics()
    {
        var models = (await _api.GetJsonAsync("/ops/models", fixture.RiskOfficerToken)).EnumerateArray().ToList();

        var credit = Assert.Single(models, m => m.Str("name") == "credit");
        var champion = Assert.Single(credit.GetProperty("versions").EnumerateArray(), v => v.Str("role") == "Champion");
        Assert.Equal(credit.Str("champion"), champion.Str("version"));
        Assert.InRange(champion.GetProperty("metrics").GetProperty("auc").GetDouble(), 0.5, 1.0);
        Assert.Equal(64, champion.Str("weightsHash").Length);
        Assert.Equal(64, champion.Str("dataHash").Length);
        Assert.Equal(0, champion.GetProperty("trafficShare").GetDouble());
        Assert.True(champion.GetProperty("liveMetrics").TryGetProperty("count", out _));
        Assert.True(champion.GetProperty("drift").TryGetProperty("psi", out _));
        var fraud = Assert.Single(models, m => m.Str("name") == "fraud");
        Assert.Contains(fraud.GetProperty("versions").EnumerateArray(), v => v.Str("version") == "fraud-ft-1.42");
    }

    [Fact]
    public async Task Promote_SameStaffTwice_Is403ThenAnotherApproves()
    {
        var first = await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.RiskOfficerToken,
            new { version = "credit-lr-1", note = "simpler model, equal losses in review", @override = true });
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);

        var again = await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.RiskOfficerToken,
            new { version = "credit-lr-1", note = "me again", @override = true });
        await FinApiClient.AssertProblemAsync(again, HttpStatusCode.Forbidden, "forbidden");

        var approved = await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.AdminToken,
            new { version = "credit-lr-1", note = "approved", @override = true });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);

        // Roll back the same way so the node keeps serving the shipped champion.
        Assert.Equal(HttpStatusCode.Accepted, (await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.RiskOfficerToken,
            new { version = "credit-ft-1", note = "roll back" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.AdminToken,
            new { version = "credit-ft-1", note = "checked" })).StatusCode);
    }

    [Fact]
    public async Task Promote_WorseChallengerWithoutOverride_Is422()
    {
        var response = await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/promote", fixture.RiskOfficerToken,
            new { version = "credit-lr-1", note = "try" });

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "business-rule");
    }

    [Fact]
    public async Task Retrain_Operator_Is403AndUnknownModel_Is404()
    {
        var byOperator = await _api.SendAsync(HttpMethod.Post, "/ops/models/fraud/retrain", fixture.OperatorToken);
        await FinApiClient.AssertProblemAsync(byOperator, HttpStatusCode.Forbidden, "forbidden");

        var unknown = await _api.SendAsync(HttpMethod.Post, "/ops/models/nope/retrain", fixture.RiskOfficerToken);
        await FinApiClient.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Retrain_Credit_Is202AndTheJobRegistersAChallenger()
    {
        var response = await _api.SendAsync(HttpMethod.Post, "/ops/models/credit/retrain", fixture.RiskOfficerToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("jobId");

        JsonElement job;
        var deadline = DateTime.UtcNow.AddMinutes(3);
        do
        {
            await Task.Delay(500);
            job = await _api.GetJsonAsync($"/ops/models/jobs/{jobId}", fixture.OperatorToken);
        }
        while (job.Str("status") is "Queued" or "Running" && DateTime.UtcNow < deadline);

        Assert.Equal("Succeeded", job.Str("status"));
        var version = job.Str("version");
        Assert.StartsWith("credit-", version, StringComparison.Ordinal);
        var credit = await _api.GetJsonAsync("/ops/models/credit", fixture.OperatorToken);
        Assert.Contains(credit.GetProperty("versions").EnumerateArray(), v => v.Str("version") == version && v.Str("role") == "Challenger");
    }

    [Fact]
    public async Task GetModels_Customer_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Get, "/ops/models", holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
