using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class AgeingTests
{
    private static readonly DateOnly FirstDue = new(2026, 1, 15);
    private static readonly IReadOnlyList<Instalment> Schedule = AnnuitySchedule.Build(12_000m, 0.18m, 12, FirstDue);

    [Theory]
    [InlineData(0, 0, LoanStatus.Active, CollectionStage.None)]
    [InlineData(1, 1, LoanStatus.Overdue, CollectionStage.SmsReminder)]
    [InlineData(7, 7, LoanStatus.Overdue, CollectionStage.SmsReminder)]
    [InlineData(8, 8, LoanStatus.Overdue, CollectionStage.CallTask)]
    [InlineData(30, 30, LoanStatus.Overdue, CollectionStage.CallTask)]
    [InlineData(31, 31, LoanStatus.Overdue, CollectionStage.ManualCollection)]
    [InlineData(89, 89, LoanStatus.Overdue, CollectionStage.ManualCollection)]
    [InlineData(90, 90, LoanStatus.NonPerforming, CollectionStage.NonPerforming)]
    [InlineData(91, 91, LoanStatus.NonPerforming, CollectionStage.NonPerforming)]
    public void Ageing_DaysAfterAnUnpaidDueDate_GiveStatusAndStage(int daysAfter, int expectedDpd, LoanStatus status, CollectionStage stage)
    {
        var asOf = FirstDue.AddDays(daysAfter);

        var dpd = Ageing.DaysPastDue(Schedule, asOf);

        Assert.Equal(expectedDpd, dpd);
        Assert.Equal(status, Ageing.StatusFor(Schedule, asOf));
        Assert.Equal(stage, Ageing.StageFor(dpd));
    }

    [Fact]
    public void DaysPastDue_AfterPayingTheOverdueInstalment_IsZero()
    {
        var asOf = FirstDue.AddDays(10);
        var paid = RepaymentAllocation.Apply(Schedule, Schedule[0].Due, asOf, allowEarlyRepayment: false).Schedule;

        Assert.Equal(0, Ageing.DaysPastDue(paid, asOf));
        Assert.Equal(LoanStatus.Active, Ageing.StatusFor(paid, asOf));
    }

    [Fact]
    public void DaysPastDue_CountsFromTheOldestUnpaidInstalment()
    {
        var asOf = FirstDue.AddMonths(1).AddDays(5);

        Assert.Equal(asOf.DayNumber - FirstDue.DayNumber, Ageing.DaysPastDue(Schedule, asOf));
    }
}
