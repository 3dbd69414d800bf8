using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class TradingCalendarTests
{
    // 2025-01-03 is a Friday; 01-04 and 01-05 the weekend; 01-06 a Monday.
    private static readonly DateOnly Friday = new(2025, 1, 3);
    private static readonly DateOnly Monday = new(2025, 1, 6);

    [Fact]
    public void IsTradingDay_FourWeeks_TrueExactlyOnWeekdays()
    {
        foreach (var date in Enumerable.Range(0, 28).Select(Monday.AddDays))
        {
            Assert.Equal(IsWeekday(date), TradingCalendar.IsTradingDay(date));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnOrBefore_Weekend_IsTheFridayBefore(int daysAfterFriday) =>
        Assert.Equal(Friday, TradingCalendar.OnOrBefore(Friday.AddDays(daysAfterFriday)));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OnOrAfter_Weekend_IsTheMondayAfter(int daysAfterFriday) =>
        Assert.Equal(Monday, TradingCalendar.OnOrAfter(Friday.AddDays(daysAfterFriday)));

    [Fact]
    public void OnOrBeforeAndOnOrAfter_Weekday_AreTheDayItself()
    {
        foreach (var weekday in Enumerable.Range(0, 5).Select(Monday.AddDays))
        {
            Assert.Equal(weekday, TradingCalendar.OnOrBefore(weekday));
            Assert.Equal(weekday, TradingCalendar.OnOrAfter(weekday));
        }
    }

    [Fact]
    public void OnOrBeforeAndOnOrAfter_AnyDayOfFourWeeks_NearestWeekdayWithNoWeekdayBetween()
    {
        foreach (var date in Enumerable.Range(0, 28).Select(Monday.AddDays))
        {
            var before = TradingCalendar.OnOrBefore(date);
            var after = TradingCalendar.OnOrAfter(date);

            Assert.True(IsWeekday(before) && IsWeekday(after));
            Assert.InRange(before, date.AddDays(-2), date);
            Assert.InRange(after, date, date.AddDays(2));
            Assert.Equal(0, CountWeekdays(before, date));
            Assert.Equal(0, CountWeekdays(date.AddDays(-1), after.AddDays(-1)));
        }
    }

    [Fact]
    public void TradingDaysAfter_FridayToMonday_IsOne() =>
        Assert.Equal(1, TradingCalendar.TradingDaysAfter(Friday, Monday));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(-30)]
    public void TradingDaysAfter_ToNotAfterFrom_IsZero(int days) =>
        Assert.Equal(0, TradingCalendar.TradingDaysAfter(Monday, Monday.AddDays(days)));

    [Property(MaxTest = 1_000)]
    public Property TradingDaysAfter_RandomRanges_MatchesDayByDayCount()
    {
        var ranges = from start in Gen.Choose(0, 20_000)
                     from length in Gen.Choose(-10, 1_500)
                     select (From: Friday.AddDays(start - 10_000), To: Friday.AddDays(start - 10_000 + length));
        return Prop.ForAll(ranges.ToArbitrary(), r =>
            TradingCalendar.TradingDaysAfter(r.From, r.To) == CountWeekdays(r.From, r.To));
    }

    private static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>Brute force: the weekdays in (from, to], one day at a time.</summary>
    private static int CountWeekdays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            count += IsWeekday(date) ? 1 : 0;
        }

        return count;
    }
}
