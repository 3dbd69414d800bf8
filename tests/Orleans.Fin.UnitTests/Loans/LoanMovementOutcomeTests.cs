using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class LoanMovementOutcomeTests
{
    private static readonly DateOnly DecidedOn = new(2025, 12, 15);

    private static readonly IReadOnlyList<Instalment> Schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, new DateOnly(2026, 1, 15));

    [Fact]
    public void Apply_CompletedDisbursement_ActiveWithTheScheduleFromTheDayItWasDecided()
    {
        var result = LoanMovementOutcome.Apply([], LoanStatus.Approved, LoanMovementKind.Disbursement, DecidedOn, 10_000m, 10_000m, 0.12m, 12);

        Assert.Equal(LoanStatus.Active, result.Status);
        Assert.Equal(10_000m, result.Applied);
        Assert.Equal(12, result.Schedule.Count);
        Assert.Equal(new DateOnly(2026, 1, 15), result.Schedule[0].DueDate);
        Assert.Equal(888.49m, result.Schedule[0].Due);
    }

    [Fact]
    public void Apply_DeclinedDisbursement_LoanStaysApprovedWithoutSchedule()
    {
        var result = LoanMovementOutcome.Apply([], LoanStatus.Approved, LoanMovementKind.Disbursement, DecidedOn, null, 10_000m, 0.12m, 12);

        Assert.Equal((LoanStatus.Approved, 0m, 0), (result.Status, result.Applied, result.Schedule.Count));
    }

    [Fact]
    public void Apply_CompletedRepaymentOfTheFirstInstalment_SettlesItAsOfTheDecidedDay()
    {
        var result = LoanMovementOutcome.Apply(Schedule, LoanStatus.Active, LoanMovementKind.Repayment, new DateOnly(2026, 1, 15), 888.49m, 10_000m, 0.12m, 12);

        Assert.True(result.Schedule[0].Settled);
        Assert.Equal(888.49m, result.Applied);
        Assert.Equal(LoanStatus.Active, result.Status);
    }

    [Fact]
    public void Apply_PartialAutoDebitDecidedDaysAfterTheDueDate_OverdueWithTheMoneyApplied()
    {
        var result = LoanMovementOutcome.Apply(Schedule, LoanStatus.Overdue, LoanMovementKind.AutoDebit, new DateOnly(2026, 1, 20), 300m, 10_000m, 0.12m, 12);

        Assert.Equal(300m, result.Applied);
        Assert.Equal(300m, result.Schedule[0].Paid);
        Assert.Equal(LoanStatus.Overdue, result.Status);
    }

    [Fact]
    public void Apply_RepaymentOfThePayoffBeforeAnythingIsDue_Closes()
    {
        var result = LoanMovementOutcome.Apply(Schedule, LoanStatus.Active, LoanMovementKind.Repayment, DecidedOn, 10_000m, 10_000m, 0.12m, 12);

        Assert.Equal((LoanStatus.Closed, 10_000m), (result.Status, result.Applied));
    }

    [Fact]
    public void Apply_DeclinedRepayment_ChangesNothing()
    {
        var result = LoanMovementOutcome.Apply(Schedule, LoanStatus.Active, LoanMovementKind.Repayment, DecidedOn, null, 10_000m, 0.12m, 12);

        Assert.Same(Schedule, result.Schedule);
        Assert.Equal((LoanStatus.Active, 0m), (result.Status, result.Applied));
    }
}
