using System.Text;

namespace Orleans.Fin.Wealth.Domain;

/// <summary>
/// When portfolios rebalance. Each portfolio gets a stable slot in the period from a hash of its id (FNV-1a with a
/// murmur3 finaliser, the same on every node and every run), so 10,000 reminders are spread across the period
/// instead of firing together. "One rebalance per period": the period windows of a portfolio start at its own
/// offset, and a tick is due only when it falls in a later window than the last rebalance, so repeated or early
/// ticks inside one window do nothing.
/// </summary>
public static class RebalanceSchedule
{
    public const int DefaultSlots = 1_440;

    /// <summary>The slot 0..<paramref name="slots"/>−1 of a portfolio.</summary>
    public static int SlotFor(string portfolioId, int slots = DefaultSlots)
    {
        ArgumentException.ThrowIfNullOrEmpty(portfolioId);
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        return (int)(StableHash(portfolioId) % (uint)slots);
    }

    /// <summary>How far into each period a portfolio's reminder fires: its slot's share of the period.</summary>
    public static TimeSpan OffsetFor(string portfolioId, TimeSpan period, int slots = DefaultSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        return TimeSpan.FromTicks(period.Ticks / slots * SlotFor(portfolioId, slots));
    }

    /// <summary>The index of the period window (starting at <paramref name="offset"/> past the Unix epoch) holding <paramref name="at"/>.</summary>
    public static long PeriodIndex(DateTimeOffset at, TimeSpan period, TimeSpan offset)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        var ticks = (at - DateTimeOffset.UnixEpoch - offset).Ticks;
        var index = ticks / period.Ticks;
        return ticks % period.Ticks < 0 ? index - 1 : index;
    }

    /// <summary>Whether a tick at <paramref name="now"/> should rebalance, given the last rebalance (null: never).</summary>
    public static bool IsDue(DateTimeOffset? lastRebalancedAt, DateTimeOffset now, TimeSpan period, TimeSpan offset) =>
        lastRebalancedAt is not { } last || PeriodIndex(now, period, offset) > PeriodIndex(last, period, offset);

    private static uint StableHash(string value)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = (hash ^ b) * 16777619u;
        }

        hash ^= hash >> 16;
        hash *= 0x85ebca6bu;
        hash ^= hash >> 13;
        hash *= 0xc2b2ae35u;
        hash ^= hash >> 16;
        return hash;
    }
}
