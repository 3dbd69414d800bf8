using Microsoft.Extensions.DependencyInjection;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Models;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Control;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.ClusterTests.Models;

/// <summary>
/// The model lifecycle on two silos: shipped versions registered with their exact bytes, maker-checker promotion behind
/// the gate, every silo switching without a restart, rollback, and a retraining job whose challenger learnt from labels.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ModelLifecycleTests(ClusterFixture fixture)
{
    private const string ShippedFraudWeights = "c2fba22c565ccdedd60b30791e5b6f4b64dcb8c7cba50d519b74b305288375f6";
    private const string ShippedCreditFtWeights = "506a197bf882fccab9a9cee71bee0bdcc792d1951b4c91b6695982a7693770c4";
    private const string ShippedCreditLrWeights = "31cf78687c2da1290cca5c409334b2e30b11fad22624900226b6b459df4c5883";

    private IModelRegistryGrain Registry(string name) => fixture.Client.GetGrain<IModelRegistryGrain>(name);

    [Fact]
    public async Task Get_FirstActivation_RegistersTheShippedModelsPinnedByTheirBytes()
    {
        var fraud = await Registry(ModelNames.Fraud).Get();
        var credit = await Registry(ModelNames.Credit).Get();

        var shippedFraud = Assert.Single(fraud.Versions, v => v.Version == "fraud-ft-1.42");
        Assert.Equal(ShippedFraudWeights, shippedFraud.WeightsHash);
        Assert.Equal(64, shippedFraud.DataHash.Length);
        Assert.Equal("a9650a4fa71d46e085c7d363b7ad5973d63727cdf7c536dd14adecebfaff523a", credit.Versions.Single(v => v.Version == "credit-ft-1").DataHash);
        Assert.Equal(ShippedCreditFtWeights, credit.Versions.Single(v => v.Version == "credit-ft-1").WeightsHash);
        Assert.Equal(ShippedCreditLrWeights, credit.Versions.Single(v => v.Version == "credit-lr-1").WeightsHash);
        Assert.Equal(29, shippedFraud.Features.Count);
        Assert.Equal(0.9999, shippedFraud.Metrics["auc"], 3);
        var stored = await fixture.Client.GetGrain<IModelWeightsGrain>(IModelWeightsGrain.KeyOf(ModelNames.Fraud, "fraud-ft-1.42")).Get();
        Assert.Equal(ShippedFraudWeights, ModelCodec.Sha256(stored!.Model));
    }

    [Fact]
    public async Task Promote_MakerChecker_GateThenEverySiloSwitchesAndRollsBack()
    {
        var credit = Registry(ModelNames.Credit);
        Assert.Equal("credit-ft-1", (await credit.Get()).Champion);

        // credit-lr-1 validated at AUC 0.8423 against the champion's 0.8506: the gate refuses it without an override.
        var refused = await Assert.ThrowsAsync<FinException>(() => credit.Promote("credit-lr-1", "", false, "officer-a"));
        Assert.Equal(FinErrorCode.BusinessRule, refused.Code);

        var pending = await credit.Promote("credit-lr-1", "A/B showed equal losses; simpler model", true, "officer-a");
        Assert.Equal("PendingApproval", pending.Status);
        Assert.True(pending.Gate.Overridden);
        Assert.Equal("credit-ft-1", (await credit.Serving()).ChampionVersion);

        var same = await Assert.ThrowsAsync<FinException>(() => credit.Promote("credit-lr-1", "approve", true, "officer-a"));
        Assert.Equal(FinErrorCode.Forbidden, same.Code);

        var promoted = await credit.Promote("credit-lr-1", "checked", true, "officer-b");
        Assert.Equal("Promoted", promoted.Status);
        Assert.Equal(("officer-a", "officer-b"), (promoted.RequestedBy, promoted.ApprovedBy));
        await EverySiloServesAsync(ModelNames.Credit, "credit-lr-1");
        var view = await credit.Get();
        Assert.Equal(ModelRole.Retired, view.Versions.Single(v => v.Version == "credit-ft-1").Role);

        // Rollback: the retired champion comes back the same way, and passes the gate on its own merit.
        Assert.Equal("PendingApproval", (await credit.Promote("credit-ft-1", "roll back", false, "officer-b")).Status);
        var back = await credit.Promote("credit-ft-1", "", false, "officer-a");
        Assert.False(back.Gate.Overridden);
        Assert.Equal("Promoted", back.Status);
        await EverySiloServesAsync(ModelNames.Credit, "credit-ft-1");
    }

    [Fact]
    public async Task Retrain_FraudWithScamCases_ChallengerLearntThemAndScoresInShadow()
    {
        var month = RiskCaseGrain.LabelStoreKey(ClusterFixture.Now);
        var store = fixture.Client.GetGrain<IRiskLabelStoreGrain>(month);
        foreach (var label in ScamCases.Labels)
        {
            await store.Append(new RiskLabel(
                label.CaseId, label.CustomerId, label.IsFraud ? CaseOutcome.ConfirmedFraud : CaseOutcome.FalsePositive, label.IsFraud,
                ClusterFixture.Now, ClusterFixture.Now, "officer-a", "scam", false,
                new RiskSnapshot(10, RiskLevel.Low, [], 0.01f, "fraud-ft-1.42", FeatureSnapshot.Of(label.Features))));
        }

        var job = fixture.Client.GetGrain<IModelTrainingJobGrain>($"job_{Guid.NewGuid():N}");
        var started = await job.Start(ModelNames.Fraud, "officer-a");
        Assert.True(started.Status is "Queued" or "Running", started.Status);
        var done = await PollAsync(job, TimeSpan.FromMinutes(4));
        Assert.True(done.Status == "Succeeded", $"{done.Status}: {done.Error}");
        Assert.Equal(ScamCases.Labels.Count, done.Labels);

        var fraud = await Registry(ModelNames.Fraud).Get();
        var challenger = Assert.Single(fraud.Versions, v => v.Role == ModelRole.Challenger);
        var champion = fraud.Versions.Single(v => v.Role == ModelRole.Champion);
        Assert.Equal(done.Version, challenger.Version);
        Assert.True(challenger.LiveMetrics.Count >= ScamCases.Labels.Count);
        Assert.True(challenger.LiveMetrics.Recall > champion.LiveMetrics.Recall, $"recall {champion.LiveMetrics.Recall} -> {challenger.LiveMetrics.Recall}");
        await EverySiloServesAsync(ModelNames.Fraud, champion.Version, challenger.Version);
    }

    private async Task EverySiloServesAsync(string name, string champion, string? challenger = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var served = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<ModelServing>().Of(name)).ToList();
            if (served.All(s => s.Champion.Version == champion && (challenger is null || s.Challenger?.Version == challenger)))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"silos serve {string.Join(", ", served.Select(s => s.Champion.Version))}, expected {champion}");
            await Task.Delay(ClusterFixture.ModelPollInterval);
        }
    }

    private static async Task<TrainingJobView> PollAsync(IModelTrainingJobGrain job, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var view = (await job.Get())!;
            if (view.Status is "Succeeded" or "Failed" || DateTime.UtcNow > deadline)
            {
                return view;
            }

            await Task.Delay(500);
        }
    }
}
