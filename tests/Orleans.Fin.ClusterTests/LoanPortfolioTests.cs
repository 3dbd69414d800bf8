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
            await portfolio.RecordStatus($"loan-{i}", "Active");
        }

        await portfolio.RecordStatus("loan-0", "Overdue"); // 10%: not above the 10% threshold
        Assert.Empty(await AlertsAsync(key));
        await portfolio.RecordStatus("loan-1", "Overdue"); // 20%: crosses
        await portfolio.RecordStatus("loan-2", "Overdue"); // 30%: still above, no new alert
        await portfolio.RecordStatus("loan-2", "NonPerforming"); // NPL 10%: crosses 5%

        var alerts = await AlertsAsync(key);
        Assert.Equal(["NPL_RATIO", "OVERDUE_RATE"], alerts.Select(a => a.Reasons[0]).Order(StringComparer.Ordinal));
        var view = await portfolio.Get();
        Assert.Equal(0.3, view.OverdueRate!.Value, 6);
        Assert.Equal(0.1, view.NplRatio!.Value, 6);
        Assert.Equal(10, view.OpenLoans);
    }

    [Fact]
    public async Task RecordApplicationAndReview_RatesFollowDecisions()
    {
        var portfolio = _client.GetGrain<ILoanPortfolioGrain>(Guid.NewGuid().ToString("N"));

        await portfolio.RecordApplication("Approved", automatic: true);
        await portfolio.RecordApplication("Rejected", automatic: true);
        await portfolio.RecordApplication("ManualReview", automatic: false);
        await portfolio.RecordReview(approved: true);

        var view = await portfolio.Get();
        Assert.Equal(2.0 / 3, view.AutoDecisionRate!.Value, 6);
        Assert.Equal(2.0 / 3, view.ApprovalRate!.Value, 6);
        Assert.Equal(0, view.PendingReview);
        Assert.Null(view.OverdueRate);
    }

    private async Task<IReadOnlyList<AlertView>> AlertsAsync(string key) =>
        (await _client.GetGrain<IRiskAlertRegistryGrain>(RiskGrainKeys.Global).List(AlertKind.PortfolioThreshold, "portfolio:" + key, null, 50)).Items;
}
