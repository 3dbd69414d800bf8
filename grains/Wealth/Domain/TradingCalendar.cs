namespace Orleans.Fin.Wealth.Domain;

/// <summary>Fund NAVs are published on weekdays; a weekend date is priced at the Friday before it.</summary>
public static class TradingCalendar
{
    public static bool IsTradingDay(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The latest trading day on or before <paramref name="date"/>.</summary>
    public static DateOnly OnOrBefore(DateOnly date)
    {
        while (!IsTradingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The first trading day on or after <paramref name="date"/>.</summary>
    public static DateOnly OnOrAfter(DateOnly date)
    {
        while (!IsTradingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>How many trading days lie in (<paramref name="from"/>, <paramref name="to"/>]; zero when to ≤ from.</summary>
    public static int TradingDaysAfter(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var days = to.DayNumber - from.DayNumber;
        var weeks = days / 7;
        var count = weeks * 5;
        for (var d = from.AddDays((weeks * 7) + 1); d <= to; d = d.AddDays(1))
        {
            count += IsTradingDay(d) ? 1 : 0;
        }

        return count;
    }
}
