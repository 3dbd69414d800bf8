namespace Orleans.Fin.ClusterTests;

/// <summary>
/// Where the test cluster's business clock stands: real time moved forward to the next mid-morning in China, the same
/// hour on every run. The fraud model weighs the hour of a payment, so without it a scenario of ordinary customers
/// would pass by day and fail at 3 a.m. Timers and delays stay on real time; only "now" moves.
/// </summary>
public static class DaytimeClock
{
    /// <summary>The local hour (UTC+8) every run starts at.</summary>
    public const int LocalHour = 11;

    /// <summary>How far forward, under a day, <paramref name="now"/> must move to read <see cref="LocalHour"/>:00 in China.</summary>
    public static TimeSpan ShiftFor(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeSpan.FromHours(8));
        var shift = new DateTimeOffset(local.Year, local.Month, local.Day, LocalHour, 0, 0, local.Offset) - local;
        return shift < TimeSpan.Zero ? shift + TimeSpan.FromDays(1) : shift;
    }
}
