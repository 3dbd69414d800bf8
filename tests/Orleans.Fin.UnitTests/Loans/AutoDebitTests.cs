using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class AutoDebitTests
{
    private static readonly DateOnly FirstDue = new(2026, 1, 15);

    private static readonly IReadOnlyList<Instalment> Schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, FirstDue); // 888.49 a month

    [Fact]
    public void Amount_AccountCoversTheInstalment_TakesWhatIsDue()
    {
        Assert.Equal(888.49m, AutoDebit.Amount(Schedule, FirstDue, 5_000m, accountActive: true));
    }

    [Fact]
    public void Amount_AccountShort_TakesWhatItHasRoundedDownToTheCent()
    {
        Assert.Equal(300.45m, AutoDebit.Amount(Schedule, FirstDue, 300.459m, accountActive: true));
    }

    [Fact]
    public void Amount_TwoDueDatesUnpaid_TakesBoth()
    {
        Assert.Equal(1_776.98m, AutoDebit.Amount(Schedule, FirstDue.AddMonths(1), 5_000m, accountActive: true));
    }

    [Fact]
    public void Amount_InstalmentPartlyPaid_TakesOnlyTheRest()
    {
        var partlyPaid = RepaymentAllocation.Apply(Schedule, 150m, FirstDue, allowEarlyRepayment: false).Schedule;

        Assert.Equal(738.49m, AutoDebit.Amount(partlyPaid, FirstDue, 5_000m, accountActive: true));
    }

    [Fact]
    public void Amount_BeforeTheFirstDueDate_TakesNothing()
    {
        Assert.Equal(0m, AutoDebit.Amount(Schedule, FirstDue.AddDays(-1), 5_000m, accountActive: true));
    }

    [Theory]
    [InlineData(5_000, false)]
    [InlineData(0, true)]
    [InlineData(-20, true)]
    public void Amount_FrozenOrEmptyAccount_TakesNothing(int available, bool active)
    {
        Assert.Equal(0m, AutoDebit.Amount(Schedule, FirstDue, available, active));
    }
}
