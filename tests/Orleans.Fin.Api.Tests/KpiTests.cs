using System.Net;
using System.Text.Json;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.Api.Tests;

[Collection(ApiCollection.Name)]
public sealed class KpiTests(FinNodeFixture fixture)
{
    private readonly FinApiClient _api = fixture.Api;

    [Fact]
    public async Task GetKpis_AfterResolvedCases_ReportsRatesTimesAndCounts()
    {
        // The counts are the node's, shared with every other test: this test's two resolutions are counted from here.
        var before = (await _api.GetJsonAsync("/ops/kpis", fixture.OperatorToken)).GetProperty("counts");
        foreach (var outcome in new[] { "ConfirmedFraud", "FalsePositive" })
        {
            var holder = await _api.FundedAccountAsync(10m);
            var opened = await (await _api.SendAsync(HttpMethod.Post, "/risk/cases", fixture.RiskOfficerToken, new { customerId = holder.CustomerId, reason = "kpi" })).ReadJsonAsync();
            var resolved = await _api.SendAsync(HttpMethod.Post, $"/risk/cases/{opened.Str("id")}/resolve", fixture.AdminToken, new { outcome, note = "kpi" });
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        }

        // Counts arrive one-way: waited for until both resolutions and a freeze time are in.
        JsonElement kpis = default;
        await FraudSteps.EventuallyAsync(async () =>
        {
            kpis = await _api.GetJsonAsync("/ops/kpis", fixture.OperatorToken);
            var counts = kpis.GetProperty("counts");
            return Added(counts, before, "casesResolved") >= 2 && Added(counts, before, "confirmedFraud") >= 1 && Added(counts, before, "falsePositives") >= 1
                && kpis.GetProperty("medianTimeToFreezeMs").ValueKind == JsonValueKind.Number;
        }, "both resolutions are counted");

        Assert.InRange(kpis.GetProperty("riskIdentificationAccuracy").GetDouble(), 0.0, 1.0);
        Assert.InRange(kpis.GetProperty("falsePositiveRate").GetDouble(), 0.0, 1.0);
        Assert.True(kpis.GetProperty("medianTimeToFreezeMs").GetDouble() >= 0);
        Assert.True(kpis.GetProperty("p99TimeToFreezeMs").GetDouble() >= kpis.GetProperty("medianTimeToFreezeMs").GetDouble());
        Assert.Equal(kpis.GetProperty("medianTimeToFreezeMs").GetDouble(), kpis.GetProperty("timeToFreezeMs").GetProperty("p50").GetDouble());
        foreach (var ratio in new[]
        {
            "fraudInterceptionRate", "modelUsageRate", "dataQualityRate", "autoDecisionRate", "approvalRate", "overdueRate", "nplRatio",
            "overdueRateByCount", "nplRatioByCount",
        })
        {
            // null until the shared node has seen what it divides by (LabelledKpiTests checks exact figures), a fraction after
            var value = kpis.GetProperty(ratio);
            Assert.True(value.ValueKind == JsonValueKind.Null || value.GetDouble() is >= 0 and <= 1, ratio);
        }

        Assert.True(kpis.TryGetProperty("fraudInterceptionUplift", out _));
    }

    private static long Added(JsonElement counts, JsonElement before, string name) =>
        counts.GetProperty(name).GetInt64() - before.GetProperty(name).GetInt64();

    [Fact]
    public async Task GetKpis_Anonymous_Is401()
    {
        var response = await _api.SendAsync(HttpMethod.Get, "/ops/kpis", token: null);

        await FinApiClient.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }
}
