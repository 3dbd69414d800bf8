using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class RepaymentAllocationTests
{
    private static readonly DateOnly FirstDue = new(2026, 1, 15);

    [Fact]
    public void Apply_ExactInstalment_SettlesItInterestFirst()
    {
        var schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, FirstDue);

        var result = RepaymentAllocation.Apply(schedule, 888.49m, FirstDue, allowEarlyRepayment: false);

        Assert.True(result.Schedule[0].Settled);
        Assert.Equal(888.49m, result.Applied);
        Assert.Equal(0m, result.Unapplied);
        Assert.All(result.Schedule.Skip(1), i => Assert.Equal(0m, i.Paid));
    }

    [Fact]
    public void Apply_PartialPayment_CoversInterestBeforePrincipal()
    {
        var schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, FirstDue);

        var result = RepaymentAllocation.Apply(schedule, 150m, FirstDue, allowEarlyRepayment: false);

        Assert.Equal(100m, result.Schedule[0].InterestPaid);
        Assert.Equal(50m, result.Schedule[0].PrincipalPaid);
    }

    [Fact]
    public void Apply_BeforeAnythingIsDueWithoutEarlyRepayment_AppliesNothing()
    {
        var schedule = AnnuitySchedule.Build(1_000m, 0.12m, 6, FirstDue);

        var result = RepaymentAllocation.Apply(schedule, 100m, FirstDue.AddDays(-1), allowEarlyRepayment: false);

        Assert.Equal(0m, result.Applied);
        Assert.Equal(100m, result.Unapplied);
    }

    [Fact]
    public void Apply_EarlyRepaymentOfEverything_ClosesTheLoanAndWaivesFutureInterest()
    {
        var schedule = AnnuitySchedule.Build(1_000m, 0.12m, 6, FirstDue);
        var firstPaid = RepaymentAllocation.Apply(schedule, schedule[0].Due, FirstDue, allowEarlyRepayment: false).Schedule;
        var outstanding = RepaymentAllocation.OutstandingPrincipal(firstPaid);

        var result = RepaymentAllocation.Apply(firstPaid, outstanding + 50m, FirstDue.AddDays(1), allowEarlyRepayment: true);

        Assert.Equal(outstanding, result.Applied);
        Assert.Equal(50m, result.Unapplied);
        Assert.Equal(0m, RepaymentAllocation.OutstandingPrincipal(result.Schedule));
        Assert.Equal(LoanStatus.Closed, Ageing.StatusFor(result.Schedule, FirstDue.AddDays(1)));
    }

    [Fact]
    public void Apply_OverdueInstalments_AreSettledOldestFirst()
    {
        var schedule = AnnuitySchedule.Build(1_000m, 0.12m, 6, FirstDue);
        var asOf = FirstDue.AddMonths(2);

        var result = RepaymentAllocation.Apply(schedule, schedule[0].Due + 10m, asOf, allowEarlyRepayment: false);

        Assert.True(result.Schedule[0].Settled);
        Assert.Equal(10m, result.Schedule[1].Paid);
        Assert.Equal(0m, result.Schedule[2].Paid);
    }

    [Fact]
    public void Apply_NonPositiveAmount_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RepaymentAllocation.Apply(AnnuitySchedule.Build(100m, 0.1m, 2, FirstDue), 0m, FirstDue, true));
}
