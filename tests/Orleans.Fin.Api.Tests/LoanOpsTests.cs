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
    public async Task GetModels_Staff_ListsCreditChampionWithMetricsAndFraudModel()
    {
        var models = (await _api.GetJsonAsync("/ops/models", fixture.RiskOfficerToken)).EnumerateArray().ToList();

        var champion = Assert.Single(models, m => m.Str("domain") == "credit" && m.Str("role") == "Champion");
        Assert.InRange(champion.GetProperty("metrics").GetProperty("auc").GetDouble(), 0.5, 1.0);
        Assert.False(string.IsNullOrWhiteSpace(champion.Str("version")));
        Assert.Contains(models, m => m.Str("domain") == "fraud");
    }

    [Fact]
    public async Task GetModels_Customer_Is403()
    {
        var holder = await _api.FundedAccountAsync(0m);

        var response = await _api.SendAsync(HttpMethod.Get, "/ops/models", holder.Token);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }
}
