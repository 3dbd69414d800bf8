using Orleans.Fin.Accounts;
using Orleans.Fin.Customers;
using Orleans.Fin.Loans;
using Orleans.Fin.Notifications;

namespace Orleans.Fin.ClusterTests;

[Collection(ClusterCollection.Name)]
public sealed class LoanTests(ClusterFixture fixture)
{
    private readonly IClusterClient _client = fixture.Client;
    private readonly ClusterScenario _scenario = new(fixture.Client);

    [Fact]
    public async Task Apply_HighRiskCustomer_RejectedWithReasonAndScored()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        await _client.GetGrain<ICustomerGrain>(customerId).SetRiskLevel(RiskLevel.High);

        var loan = await _client.GetGrain<ILoanGrain>(NewId()).Apply(Steady(customerId, accountId, 800m));

        Assert.Equal("Rejected", loan.Decision);
        Assert.Equal("HighRiskCustomer", loan.Reasons[0]);
        Assert.Null(loan.AnnualRate);
        Assert.InRange(loan.ProbabilityOfDefault, 0.0, 1.0);
    }

    [Fact]
    public async Task Accept_ConcurrentAccepts_DisburseOnce()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        var id = NewId();
        var grain = _client.GetGrain<ILoanGrain>(id);
        Assert.Equal("Approved", (await grain.Apply(Steady(customerId, accountId, 900m))).Status);

        var views = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => grain.Accept(customerId)));

        Assert.All(views, v => Assert.Equal("Active", v.Status));
        Assert.Equal(900m, await _scenario.BalanceAsync(accountId));
    }

    [Fact]
    public async Task ProcessUntil_91DaysInOneJump_RecordsEveryStageNotifiesAndTriesEachDueDateOnce()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        var id = NewId();
        var grain = _client.GetGrain<ILoanGrain>(id);
        await grain.Apply(Steady(customerId, accountId, 1200m));
        var active = await grain.Accept(customerId);
        await _client.GetGrain<IAccountGrain>(accountId).Freeze(new FreezeCommand("test", "test")); // nothing can be taken
        var firstDue = active.Schedule[0].DueDate;

        var loan = await grain.ProcessUntil(firstDue.AddDays(91));
        var again = await grain.ProcessUntil(firstDue.AddDays(91));

        Assert.Equal("NonPerforming", loan.Status);
        Assert.Equal(91, loan.DaysPastDue);
        Assert.Equal(["SmsReminder", "CallTask", "ManualCollection", "NonPerforming"], loan.Collections.Select(c => c.Stage));
        Assert.Equal([firstDue.AddDays(1), firstDue.AddDays(8), firstDue.AddDays(31), firstDue.AddDays(90)], loan.Collections.Select(c => c.Date));
        Assert.Equal(loan.Collections.Count, again.Collections.Count);
        var notice = await _client.GetGrain<INotificationOutboxGrain>(customerId).GetLatest(NotificationPurposes.LoanCollection);
        Assert.NotNull(notice);
        Assert.Equal($"{id}:NonPerforming", notice.Reference);
    }

    [Fact]
    public async Task ProcessUntil_BorrowerFallsOverdue_RiskRisesToMediumWithoutAFraudResponse()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        var grain = _client.GetGrain<ILoanGrain>(NewId());
        await grain.Apply(Steady(customerId, accountId, 1200m));
        var active = await grain.Accept(customerId);
        await _client.GetGrain<IAccountGrain>(accountId).Freeze(new FreezeCommand("test", "test")); // nothing can be taken

        await grain.ProcessUntil(active.Schedule[0].DueDate.AddDays(10));

        var risk = _client.GetGrain<Orleans.Fin.Risk.IRiskGrain>(customerId);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await risk.GetProfile()).RiskLevel == RiskLevel.Low && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        var profile = await risk.GetProfile();
        Assert.Equal(RiskLevel.Medium, profile.RiskLevel);
        Assert.Null(profile.OpenCaseId);
        Assert.Contains("credit-overdue", profile.Flags);
    }

    [Fact]
    public async Task ProcessUntil_ThreeDueDatesInOneJump_DebitsEachInstalmentOnce()
    {
        var (customerId, accountId) = await _scenario.FundedAccountAsync(0m);
        var grain = _client.GetGrain<ILoanGrain>(NewId());
        await grain.Apply(Steady(customerId, accountId, 1200m));
        var active = await grain.Accept(customerId);
        await _scenario.DepositAsync(customerId, accountId, 30m); // 1,230 against 12 instalments of about 105
        var thirdDue = active.Schedule[2].DueDate;

        var loan = await grain.ProcessUntil(thirdDue);
        await grain.ProcessUntil(thirdDue);

        var paid = loan.Schedule.Sum(i => i.Paid);
        Assert.Equal(active.Schedule.Take(3).Sum(i => i.Principal + i.Interest), paid);
        Assert.Equal(1230m - paid, await _scenario.BalanceAsync(accountId));
        Assert.Equal("Active", loan.Status);
    }

    private static string NewId() => Common.FinIds.New(Common.IdPrefixes.Loan, DateTimeOffset.UtcNow);

    private static LoanApplication Steady(string customerId, string accountId, decimal amount) => new(
        customerId, accountId, amount, 12, "furniture", 10, "owner", "married", "fixed", 60m, 180m, 5000m, 0m, amount + 500m, false, customerId);
}
