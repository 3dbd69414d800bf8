using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.UnitTests.Loans;

public sealed class AnnuityScheduleTests
{
    private static readonly DateOnly FirstDue = new(2026, 1, 15);

    [Fact]
    public void Build_TextbookLoan_MatchesHandComputedPayment()
    {
        // 10,000 at 12% a year over 12 months: r = 1%, payment = 10000 * 0.01 * 1.01^12 / (1.01^12 - 1) = 888.49.
        var schedule = AnnuitySchedule.Build(10_000m, 0.12m, 12, FirstDue);

        Assert.Equal(888.49m, schedule[0].Due);
        Assert.Equal(100.00m, schedule[0].Interest);
        Assert.Equal(788.49m, schedule[0].Principal);
        Assert.Equal(10_000m, schedule.Sum(i => i.Principal));
        Assert.Equal(FirstDue.AddMonths(11), schedule[^1].DueDate);
    }

    [Fact]
    public void Build_ZeroRate_SplitsPrincipalEvenlyWithLastTakingTheRest()
    {
        var schedule = AnnuitySchedule.Build(100m, 0m, 3, FirstDue);

        Assert.Equal([33.33m, 33.33m, 33.34m], schedule.Select(i => i.Principal));
        Assert.All(schedule, i => Assert.Equal(0m, i.Interest));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(361)]
    public void Build_TermOutOfRange_Throws(int term) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnuitySchedule.Build(1_000m, 0.1m, term, FirstDue));

    [Fact]
    public void Build_SubCentPrincipal_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnuitySchedule.Build(100.001m, 0.1m, 12, FirstDue));

    [Property(MaxTest = 300)]
    public Property Build_AnyLoan_PrincipalSumsToLoanNoNegativesLevelPayments()
    {
        var loans = from cents in Gen.Choose(100, 50_000_000)
                    from rateBp in Gen.Choose(0, 3_600)
                    from term in Gen.Choose(1, 60)
                    select (Principal: cents / 100m, Rate: rateBp / 10_000m, Term: term);
        return Prop.ForAll(loans.ToArbitrary(), loan =>
        {
            var schedule = AnnuitySchedule.Build(loan.Principal, loan.Rate, loan.Term, FirstDue);
            var level = schedule.Take(schedule.Count - 1).Select(i => i.Due).Distinct().Count() <= 1;
            // Each period rounds the payment and the interest to the cent (≤ 0.01 together); those errors grow with
            // the outstanding balance, so the last instalment may differ by at most 0.01·((1+r)^n − 1)/r + 0.01.
            var r = (double)loan.Rate / 12;
            var compounding = r == 0 ? loan.Term : (Math.Pow(1 + r, loan.Term) - 1) / r;
            var lastClose = (double)Math.Abs(schedule[^1].Due - schedule[0].Due) <= (0.01 * compounding) + 0.01;
            return schedule.Count == loan.Term
                && schedule.Sum(i => i.Principal) == loan.Principal
                && schedule.All(i => i.Principal >= 0 && i.Interest >= 0)
                && schedule.All(i => decimal.Round(i.Due, 2) == i.Due)
                && level && lastClose;
        });
    }
}
