namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// How long an account remembers the legs posted on it, which is what makes a leg apply exactly once. A leg stays in
/// flight until its movement has durably recorded its outcome and says so (release); it is then settled and only its
/// transfer id is kept, for at least <see cref="SettledRetention"/> (at most <see cref="MaxSettled"/> of them), so that
/// a late duplicate of the leg is still recognised. A final movement never posts again, so the window only has to cover
/// messages still in transit.
/// </summary>
public static class LegRetention
{
    public static readonly TimeSpan SettledRetention = TimeSpan.FromMinutes(10);

    public const int MaxSettled = 512;

    /// <summary>Legs settled within this time of the first of a batch share its batch (and its time).</summary>
    public static readonly TimeSpan BatchSpan = TimeSpan.FromSeconds(10);

    /// <summary>An unsettled leg older than this makes the account ask its movement to finish.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    /// <summary>Whether a leg of <paramref name="transferId"/> was already posted here (applied, reversed or settled).</summary>
    public static bool Knows(AccountState account, string transferId)
    {
        if (account.InFlight.ContainsKey(transferId))
        {
            return true;
        }

        foreach (var batch in account.Settled)
        {
            foreach (var id in batch.Ids)
            {
                if (string.Equals(id, transferId, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static int SettledCount(AccountState account) => account.Settled.Sum(b => b.Ids.Count);

    /// <summary>
    /// Moves released legs from in flight to settled, then forgets the oldest settled legs beyond the cap and every
    /// batch whose newest possible leg settled more than <see cref="SettledRetention"/> ago. Batches are replaced,
    /// never changed, so a copy of the state shares them safely.
    /// </summary>
    public static void Settle(AccountState account, IEnumerable<string> released, DateTimeOffset now)
    {
        var settling = released.Where(account.InFlight.Remove).ToList();
        if (settling.Count > 0)
        {
            var last = account.Settled.Count > 0 ? account.Settled[^1] : null;
            if (last is not null && now - last.At < BatchSpan)
            {
                account.Settled[^1] = last with { Ids = [.. last.Ids, .. settling] };
            }
            else
            {
                account.Settled.Add(new SettledLegs(now, settling));
            }
        }

        var expired = 0;
        while (expired < account.Settled.Count && now - account.Settled[expired].At - BatchSpan > SettledRetention)
        {
            expired++;
        }

        account.Settled.RemoveRange(0, expired);
        var excess = SettledCount(account) - MaxSettled;
        while (excess > 0)
        {
            var oldest = account.Settled[0];
            if (oldest.Ids.Count <= excess)
            {
                account.Settled.RemoveAt(0);
                excess -= oldest.Ids.Count;
            }
            else
            {
                account.Settled[0] = oldest with { Ids = [.. oldest.Ids.Skip(excess)] };
                excess = 0;
            }
        }
    }

    /// <summary>
    /// Reads a schema-1 state, which kept settled legs in flight with a flag: they move to <see cref="AccountState.Settled"/>
    /// in the order they settled. A no-op on a current state.
    /// </summary>
    public static void Upgrade(AccountState account)
    {
        if (account.SchemaVersion >= 2)
        {
            return;
        }

        var settled = account.InFlight.Where(l => l.Value.Settled)
            .Select(l => (Id: l.Key, At: l.Value.SettledAt ?? l.Value.PostedAt))
            .OrderBy(l => l.At).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        foreach (var (transferId, at) in settled)
        {
            account.InFlight.Remove(transferId);
            if (account.Settled.Count > 0 && at - account.Settled[^1].At < BatchSpan)
            {
                account.Settled[^1] = account.Settled[^1] with { Ids = [.. account.Settled[^1].Ids, transferId] };
            }
            else
            {
                account.Settled.Add(new SettledLegs(at, [transferId]));
            }
        }

        account.SchemaVersion = 2;
    }

    /// <summary>Legs still in flight since before <paramref name="now"/> minus <see cref="InFlightGrace"/>: their movements are asked to finish.</summary>
    public static IReadOnlyList<string> Stale(AccountState account, DateTimeOffset now) =>
        [.. account.InFlight.Where(l => now - l.Value.PostedAt >= InFlightGrace).Select(l => l.Key)];
}
