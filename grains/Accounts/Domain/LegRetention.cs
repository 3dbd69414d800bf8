namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// How long an account remembers the legs posted on it, which is what makes a leg apply exactly once. A leg stays in
/// flight until its movement has durably recorded its outcome and says so (release); it is then settled and kept for
/// <see cref="SettledRetention"/> (at most <see cref="MaxSettled"/> of them), so that a late duplicate of the leg is
/// still recognised. A final movement never posts again, so the window only has to cover messages still in transit.
/// </summary>
public static class LegRetention
{
    public static readonly TimeSpan SettledRetention = TimeSpan.FromMinutes(10);

    public const int MaxSettled = 512;

    /// <summary>An unsettled leg older than this makes the account ask its movement to finish.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    /// <summary>Whether a leg of <paramref name="transferId"/> was already posted here (applied, reversed or settled).</summary>
    public static bool Knows(AccountState account, string transferId) => account.InFlight.ContainsKey(transferId);

    /// <summary>Marks released legs settled and forgets settled legs past the retention window or beyond the cap.</summary>
    public static void Settle(AccountState account, IEnumerable<string> released, DateTimeOffset now)
    {
        foreach (var transferId in released)
        {
            if (account.InFlight.TryGetValue(transferId, out var leg) && !leg.Settled)
            {
                leg.Settled = true;
                leg.SettledAt = now;
            }
        }

        var settled = account.InFlight.Where(l => l.Value.Settled).OrderByDescending(l => l.Value.SettledAt).ToList();
        for (var i = 0; i < settled.Count; i++)
        {
            if (i >= MaxSettled || now - settled[i].Value.SettledAt > SettledRetention)
            {
                account.InFlight.Remove(settled[i].Key);
            }
        }
    }

    /// <summary>Legs still in flight since before <paramref name="now"/> minus <see cref="InFlightGrace"/>: their movements are asked to finish.</summary>
    public static IReadOnlyList<string> Stale(AccountState account, DateTimeOffset now) =>
        [.. account.InFlight.Where(l => !l.Value.Settled && now - l.Value.PostedAt >= InFlightGrace).Select(l => l.Key)];
}
