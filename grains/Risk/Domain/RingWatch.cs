namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The one watch-and-signal mechanism behind fraud-ring indicators: distinct customers are recorded around a thing
/// (customers on one device, flagged customers paying one account, customers whose risky payments target one payee).
/// From <c>threshold</c> distinct members within the window on, the thing is watched: every member not signalled yet
/// is to be signalled (except the thing's own owner), and the first time the threshold is reached the ring alert is due.
/// Members older than the window are forgotten; without a window they are kept (bounded by <c>capacity</c>).
/// </summary>
public static class RingWatch
{
    public static RingWatchStep Record(
        RingWatchList watch, string customerId, DateTimeOffset at, int threshold, int capacity, TimeSpan? window = null, string? exempt = null)
    {
        ArgumentNullException.ThrowIfNull(watch);
        Forget(watch, at, window);
        var existing = watch.Members.Find(m => m.CustomerId == customerId);
        if (existing is not null)
        {
            existing.At = existing.At > at ? existing.At : at;
        }
        else
        {
            watch.Members.Add(new WatchMember { CustomerId = customerId, At = at });
            if (watch.Members.Count > capacity)
            {
                watch.Members.RemoveRange(0, watch.Members.Count - capacity);
            }
        }

        if (watch.Members.Count < threshold)
        {
            return new RingWatchStep(existing is null, Watched: false, FirstReached: false, []);
        }

        var first = !watch.Reached;
        watch.Reached = true;
        List<string> toSignal = [];
        foreach (var member in watch.Members)
        {
            if (member.CustomerId != exempt && !watch.Signalled.Contains(member.CustomerId, StringComparer.Ordinal))
            {
                toSignal.Add(member.CustomerId);
                watch.Signalled.Add(member.CustomerId);
            }
        }

        if (watch.Signalled.Count > capacity)
        {
            watch.Signalled.RemoveRange(0, watch.Signalled.Count - capacity);
        }

        return new RingWatchStep(existing is null, Watched: true, first, toSignal);
    }

    /// <summary>Whether the thing is watched at <paramref name="at"/> (at least the threshold of members within the window).</summary>
    public static bool IsWatched(RingWatchList watch, DateTimeOffset at, int threshold, TimeSpan? window = null)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var count = 0;
        foreach (var member in watch.Members)
        {
            if (window is not { } w || member.At > at - w)
            {
                count++;
            }
        }

        return count >= threshold;
    }

    private static void Forget(RingWatchList watch, DateTimeOffset at, TimeSpan? window)
    {
        if (window is { } w)
        {
            watch.Members.RemoveAll(m => m.At <= at - w);
        }
    }
}
