using System.Runtime.InteropServices;

namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// How long an account remembers the legs posted on it, which is what makes a leg apply exactly once. A leg stays in
/// flight until its movement has durably recorded its outcome and says so (release); it is then settled and only its
/// transfer id is kept, for at least <see cref="SettledRetention"/> (at most <see cref="MaxSettled"/> of them), so that
/// a late duplicate of the leg is still recognised. A final movement never posts again, so the window only has to cover
/// messages still in transit.
/// <para>
/// The account writes its state with every posting, so it keeps only the newest settled legs there; once they reach
/// <see cref="ArchiveThreshold"/> they move together to the account's archive (<see cref="SettledLegsState"/>), which is
/// written only then. A leg is known when either holds it; the archive keeps at most <see cref="MaxSettled"/>, so the
/// newest <see cref="MaxSettled"/> settled within <see cref="SettledRetention"/> are always recognised.
/// </para>
/// </summary>
public static class LegRetention
{
    public static readonly TimeSpan SettledRetention = TimeSpan.FromMinutes(10);

    public const int MaxSettled = 512;

    /// <summary>Legs settled within this time of the first of a batch share its batch (and its time).</summary>
    public static readonly TimeSpan BatchSpan = TimeSpan.FromSeconds(10);

    /// <summary>Settled legs the account keeps in its own state before they move to its archive together.</summary>
    public const int ArchiveThreshold = 64;

    /// <summary>An unsettled leg older than this makes the account ask its movement to finish.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    /// <summary>Whether a leg of <paramref name="transferId"/> was already posted here (applied, reversed or settled).</summary>
    public static bool Knows(AccountState account, string transferId) => Knows(account, [], transferId);

    /// <summary>
    /// Whether a leg of <paramref name="transferId"/> was already posted here: in flight, or settled in the account's
    /// own state or in its <paramref name="archived"/> batches.
    /// </summary>
    public static bool Knows(AccountState account, IReadOnlyList<SettledLegs> archived, string transferId)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(archived);
        if (account.InFlight.ContainsKey(transferId))
        {
            return true;
        }

        var id = new LegId(transferId);
        return Holds(account.Settled, id) || Holds(archived, id);
    }

    private static bool Holds(IReadOnlyList<SettledLegs> batches, in LegId transferId)
    {
        foreach (var batch in batches)
        {
            if (batch.Ids.Contains(transferId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the account's archive has to be read before a leg is looked up: the account moved legs there
    /// (<see cref="AccountState.Archived"/>), or its state is older than that flag. An account that never moved legs there
    /// holds every settled leg it remembers itself: a move is committed by the account's write that empties its own legs
    /// and sets the flag, so an archive written by a move whose account write failed holds only legs the account still
    /// holds.
    /// </summary>
    public static bool MayHaveArchive(AccountState account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Archived || account.SchemaVersion < AccountSchema.ArchiveFlagged;
    }

    /// <summary>Whether the account's own settled legs are due to move to its archive (<see cref="Archive"/>).</summary>
    public static bool ArchiveDue(AccountState account) => SettledCount(account) >= ArchiveThreshold;

    /// <summary>
    /// Once the account's own settled legs number <see cref="ArchiveThreshold"/> or more, moves all of them to the
    /// archive: returns the archive to store (the <paramref name="archived"/> batches, then the account's, without ids
    /// the archive already holds, less what <see cref="SettledRetention"/> and <see cref="MaxSettled"/> let go), empties
    /// the account's and marks it <see cref="AccountState.Archived"/>. Null when nothing moves, and the archive is not
    /// written. The account's state is written after the returned archive, so a leg is always in one of them, and in both
    /// if the account's write failed. <paramref name="archived"/> is what storage holds, read if need be: a move whose
    /// account write failed may have stored legs there that the account does not know of.
    /// </summary>
    public static List<SettledLegs>? Archive(AccountState account, IReadOnlyList<SettledLegs> archived, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(archived);
        if (!ArchiveDue(account))
        {
            return null;
        }

        var held = new HashSet<string>(archived.SelectMany(b => b.Ids), StringComparer.Ordinal);
        var merged = new List<SettledLegs>(archived);
        foreach (var batch in account.Settled)
        {
            var fresh = batch.Ids.Where(held.Add).ToList();
            if (fresh.Count > 0)
            {
                merged.Add(fresh.Count == batch.Ids.Count ? batch : batch with { Ids = [.. fresh] });
            }
        }

        // Kept in the order the legs settled (the archive's, then the account's newer ones), not sorted by time: after a
        // move to a silo whose clock is behind, the newest legs can carry earlier times, and the cap must still drop
        // the legs that settled first.
        Forget(merged, now);
        account.Settled = [];
        account.Archived = true;
        return merged;
    }

    public static int SettledCount(AccountState account) => Count(account.Settled);

    private static int Count(IReadOnlyList<SettledLegs> batches) => batches.Sum(b => b.Ids.Count);

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
            if (account.Settled.Count > 0 && now - account.Settled[^1].At < BatchSpan)
            {
                account.Settled[^1] = account.Settled[^1] with { Ids = account.Settled[^1].Ids.Append(CollectionsMarshal.AsSpan(settling)) };
            }
            else
            {
                account.Settled.Add(new SettledLegs(now, [.. settling]));
            }
        }

        Forget(account.Settled, now);
    }

    /// <summary>
    /// Drops every batch whose newest possible leg settled more than <see cref="SettledRetention"/> ago, then the
    /// oldest legs beyond <see cref="MaxSettled"/>. Batches are replaced, never changed.
    /// </summary>
    private static void Forget(List<SettledLegs> batches, DateTimeOffset now)
    {
        var expired = 0;
        while (expired < batches.Count && now - batches[expired].At - BatchSpan > SettledRetention)
        {
            expired++;
        }

        batches.RemoveRange(0, expired);
        var excess = Count(batches) - MaxSettled;
        while (excess > 0)
        {
            var oldest = batches[0];
            if (oldest.Ids.Count <= excess)
            {
                batches.RemoveAt(0);
                excess -= oldest.Ids.Count;
            }
            else
            {
                batches[0] = oldest with { Ids = [.. oldest.Ids.Skip(excess)] };
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
                account.Settled[^1] = account.Settled[^1] with { Ids = account.Settled[^1].Ids.Append([transferId]) };
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
