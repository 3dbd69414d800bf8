using Orleans.Fin.Common;
using Orleans.Fin.ClusterTests.Risk;
using Orleans.Fin.Loans;
using Orleans.Fin.Risk;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class LoanPortfolioTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;

    [Fact]
    public async Task RecordStatus_RatiosCrossThresholds_OneAlertPerCrossingInTheRiskAlertStore()
    {
        var key = Guid.NewGuid().ToString("N");
        var portfolio = _client.GetGrain<ILoanPortfolioGrain>(key);
        for (var i = 0; i < 10; i++)
        {
            await portfolio.RecordStatus($"loan-{i}", "Active", 100m);
        }

        await portfolio.RecordStatus("loan-0", "Overdue", 100m); // 10%: not above the 10% threshold
        Assert.Empty(await AlertsAsync(key));
        await portfolio.RecordStatus("loan-1", "Overdue", 100m); // 20%: crosses
        await portfolio.RecordStatus("loan-2", "Overdue", 100m); // 30%: still above, no new alert
        await portfolio.RecordStatus("loan-2", "NonPerforming", 300m); // NPL 10%: crosses 5%; its balance is reported anew

        var alerts = await AlertsAsync(key);
        Assert.Equal(["NPL_RATIO", "OVERDUE_RATE"], alerts.Select(a => a.Reasons[0]).Order(StringComparer.Ordinal));
        var view = await portfolio.Get();
        Assert.Equal(0.3, view.OverdueRate!.Value, 6);
        Assert.Equal(0.1, view.NplRatio!.Value, 6);
        Assert.Equal(10, view.OpenLoans);
        Assert.Equal(1200m, view.Outstanding);
        Assert.Equal(200m, view.OverdueOutstanding);
        Assert.Equal(300m, view.NonPerformingOutstanding);
    }

    [Fact]
    public async Task RecordApplicationAndReview_RatesFollowDecisions()
    {
        var portfolio = _client.GetGrain<ILoanPortfolioGrain>(Guid.NewGuid().ToString("N"));

        await portfolio.RecordApplication("Approved", automatic: true, usedModel: true);
        await portfolio.RecordApplication("Rejected", automatic: true, usedModel: false); // an eligibility refusal
        await portfolio.RecordApplication("ManualReview", automatic: false, usedModel: false);
        await portfolio.RecordReview(approved: true);

        var view = await portfolio.Get();
        Assert.Equal(2.0 / 3, view.AutoDecisionRate!.Value, 6);
        Assert.Equal(2.0 / 3, view.ApprovalRate!.Value, 6);
        Assert.Equal(0, view.PendingReview);
        Assert.Equal(1, view.AutomaticDecisionsWithModel);
        Assert.Null(view.OverdueRate);
    }

    [Fact]
    public async Task RecordApplication_ManyAtOnceWithStatusChanges_EveryOneStored()
    {
        var key = Guid.NewGuid().ToString("N");
        var portfolio = _client.GetGrain<ILoanPortfolioGrain>(key);

        var applications = Enumerable.Range(0, 300).Select(i => portfolio.RecordApplication(i % 3 == 0 ? "Rejected" : "Approved", true, true));
        var statuses = Enumerable.Range(0, 20).Select(i => portfolio.RecordStatus($"loan-{i}", "Active", 100m));
        await Task.WhenAll(applications.Concat(statuses));
        await fixture.Cluster.DeactivateAsync(portfolio); // what follows is read back from storage

        var view = await portfolio.Get();
        Assert.Equal((300, 200, 100, 20, 2000m), (view.Applications, view.Approved, view.Rejected, view.OpenLoans, view.Outstanding));
    }

    [Fact]
    public async Task RecordApplication_WriteFails_CallerToldToRetryAndNothingHalfCounted()
    {
        var key = Guid.NewGuid().ToString("N");
        var portfolio = _client.GetGrain<ILoanPortfolioGrain>(key);
        await portfolio.RecordApplication("Approved", true, true);

        FaultInjection.FailWrite(key, skip: 0, WriteFault.BeforeCommit);
        var failed = await Assert.ThrowsAsync<FinException>(() => portfolio.RecordApplication("Approved", true, true));
        Assert.Equal(FinErrorCode.Unavailable, failed.Code);

        await RiskScenario.EventuallyAsync(async () => (await portfolio.Get()).Applications == 1, "the failed count is gone with its activation");
        await portfolio.RecordApplication("Rejected", true, true);
        await fixture.Cluster.DeactivateAsync(portfolio);
        Assert.Equal((2L, 1L, 1L), ((await portfolio.Get()).Applications, (await portfolio.Get()).Approved, (await portfolio.Get()).Rejected));
    }

    private async Task<IReadOnlyList<AlertView>> AlertsAsync(string key) =>
        (await _client.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(AlertKind.PortfolioThreshold, "portfolio:" + key, null, 50)).Items;
}
