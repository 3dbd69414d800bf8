using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Fin.Api.Tests;

/// <summary>
/// /ops/kpis on traffic whose labels are known (see <see cref="LabelledTraffic"/>): every indicator is checked against
/// the figure worked out by hand from that traffic.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LabelledKpiTests(LabelledTraffic traffic) : IClassFixture<LabelledTraffic>
{
    [Fact]
    public async Task GetKpis_LabelledTraffic_EveryIndicatorAsWorkedOutByHand()
    {
        var kpis = await traffic.KpisAsync(k =>
            k.GetProperty("counts").GetProperty("labelledDecisions").GetInt64() >= 15 && k.GetProperty("counts").GetProperty("riskDecisions").GetInt64() >= 15);
        var counts = kpis.GetProperty("counts");

        // 3 resolved cases (engine + fraud: right; referral + fraud: missed; referral + false positive: right) and 12
        // unreported payments that were allowed: 14 right of 15.
        Assert.Equal(15, counts.GetProperty("labelledDecisions").GetInt64());
        Assert.Equal(14, counts.GetProperty("correctDecisions").GetInt64());
        Assert.Equal(12, counts.GetProperty("unreportedPayments").GetInt64());
        Assert.Equal(14.0 / 15, kpis.GetProperty("riskIdentificationAccuracy").GetDouble(), 12);
        Assert.Equal(1.0 / 3, kpis.GetProperty("falsePositiveRate").GetDouble(), 12);

        // Confirmed fraud: 20,000 declined + 1,000 that left.
        Assert.Equal(21_000m, counts.GetProperty("confirmedFraudAmount").GetDecimal());
        Assert.Equal(20_000m, counts.GetProperty("fraudAmountStopped").GetDecimal());
        Assert.Equal(20.0 / 21, kpis.GetProperty("fraudInterceptionRate").GetDouble(), 12);

        // 15 payment decisions, all scored by the fraud model; 4 automatic credit decisions, 3 by the model's score.
        Assert.Equal(15, counts.GetProperty("riskDecisions").GetInt64());
        Assert.Equal(15, counts.GetProperty("riskDecisionsWithModel").GetInt64());
        Assert.Equal(4, counts.GetProperty("creditDecisions").GetInt64());
        Assert.Equal(3, counts.GetProperty("creditDecisionsWithModel").GetInt64());
        Assert.Equal(18.0 / 19, kpis.GetProperty("modelUsageRate").GetDouble(), 12);

        // One payment check of 15 had no IP address or place.
        Assert.Equal(15, counts.GetProperty("recordsChecked").GetInt64());
        Assert.Equal(14, counts.GetProperty("recordsValid").GetInt64());
        Assert.Equal(14.0 / 15, kpis.GetProperty("dataQualityRate").GetDouble(), 12);

        // Loans: 1,200 non-performing, 1,200 overdue, 600 current.
        Assert.Equal(2_400.0 / 3_000, kpis.GetProperty("overdueRate").GetDouble(), 12);
        Assert.Equal(1_200.0 / 3_000, kpis.GetProperty("nplRatio").GetDouble(), 12);
        Assert.Equal(2.0 / 3, kpis.GetProperty("overdueRateByCount").GetDouble(), 12);
        Assert.Equal(1.0 / 3, kpis.GetProperty("nplRatioByCount").GetDouble(), 12);

        // Three freezes (the engine's and two referrals'): p50 and p99 beside the median kept from before.
        var freeze = kpis.GetProperty("timeToFreezeMs");
        Assert.Equal(3, freeze.GetProperty("samples").GetInt64());
        Assert.Equal(kpis.GetProperty("medianTimeToFreezeMs").GetDouble(), freeze.GetProperty("p50").GetDouble());
        Assert.Equal(kpis.GetProperty("p99TimeToFreezeMs").GetDouble(), freeze.GetProperty("p99").GetDouble());
        Assert.True(freeze.GetProperty("p50").GetDouble() <= freeze.GetProperty("p99").GetDouble());
    }

    [Fact]
    public async Task GetKpis_StolenSessionTheRulesAlsoDecline_NoUpliftOverTheBaseline()
    {
        var kpis = await traffic.KpisAsync(k => k.GetProperty("counts").GetProperty("confirmedFraudAmount").GetDecimal() >= 21_000m);

        // The stolen session's decline rests on rules (a binding after a new-device login from a new place), so the
        // rules-only baseline stops the same 20,000: the same rate, uplift 0.
        Assert.Equal(20_000m, kpis.GetProperty("counts").GetProperty("fraudAmountStoppedByBaseline").GetDecimal());
        Assert.Equal(0.0, kpis.GetProperty("fraudInterceptionUplift").GetDouble(), 12);
    }

    [Fact]
    public async Task RetrainFraud_AfterTheLabelWindow_UnreportedPaymentsAreNegativesInTheTrainingSet()
    {
        var api = traffic.Node.Api;
        var response = await api.SendAsync(HttpMethod.Post, "/ops/models/fraud/retrain", traffic.Node.RiskOfficerToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var jobId = (await response.Content.ReadFromJsonAsync<JsonElement>()).Str("jobId");

        JsonElement job = default;
        await FraudSteps.EventuallyAsync(
            async () => (job = await api.GetJsonAsync($"/ops/models/jobs/{jobId}", traffic.Node.OperatorToken)).Str("status") is not ("Queued" or "Running"),
            "the retraining job finished", timeoutSeconds: 300);

        // The engine's case (with its decision-time features) and the 12 unreported payments; referrals carry no features.
        Assert.Equal("Succeeded", job.Str("status"));
        Assert.Equal(13, job.GetProperty("labels").GetInt32());
    }

    [Fact]
    public async Task GetModel_LabelledOutcomes_BackTestPerModel()
    {
        var api = traffic.Node.Api;
        var fraud = await api.GetJsonAsync("/ops/models/fraud", traffic.Node.OperatorToken);
        var credit = await api.GetJsonAsync("/ops/models/credit", traffic.Node.OperatorToken);

        // Fraud: the engine's case (fraud) and the 12 unreported payments, at the model's, step-up and decline thresholds.
        var fraudTest = Champion(fraud).GetProperty("backTest");
        Assert.Equal(13, fraudTest.GetProperty("count").GetInt64());
        Assert.Equal(1, fraudTest.GetProperty("positives").GetInt64());
        Assert.Equal(["model", "step-up", "decline"], fraudTest.GetProperty("thresholds").EnumerateArray().Select(t => t.Str("name")));

        // Credit: one realised outcome so far, the non-performing loan (a default), in exactly one PD band.
        var creditTest = Champion(credit).GetProperty("backTest");
        var bands = creditTest.GetProperty("pdBands").EnumerateArray().ToList();
        Assert.Equal(6, bands.Count);
        Assert.Equal(1, creditTest.GetProperty("count").GetInt64());
        var band = Assert.Single(bands, b => b.GetProperty("count").GetInt64() == 1);
        Assert.Equal(1.0, band.GetProperty("realisedDefaultRate").GetDouble());
    }

    private static JsonElement Champion(JsonElement model) =>
        model.GetProperty("versions").EnumerateArray().Single(v => v.Str("role") == "Champion");
}
