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

    private async Task<IReadOnlyList<AlertView>> AlertsAsync(string key) =>
        (await _client.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(AlertKind.PortfolioThreshold, "portfolio:" + key, null, 50)).Items;
}
