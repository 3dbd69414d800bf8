using Orleans.Fin.Common;

namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// The ledger rules of one account: whether a leg may post, and what posting or reversing it does to the balance,
/// the entries and the daily spending. Pure: time and limits are passed in.
/// </summary>
public static class AccountLedger
{
    public const int SegmentSize = 32;

    /// <summary>Why <paramref name="posting"/> may not post on this account, or null when it may.</summary>
    public static DeclineReason? Check(AccountState account, Posting posting, DateOnly day, decimal dailyLimit)
    {
        if (!string.Equals(account.Currency, posting.Currency, StringComparison.Ordinal))
        {
            return DeclineReason.CurrencyMismatch;
        }

        if (account.Status == AccountStatus.Closed)
        {
            return DeclineReason.AccountClosed;
        }

        if (posting.Amount >= 0 || account.Kind != AccountKind.Customer)
        {
            return null; // credits are always accepted (a frozen account still receives); the bank's accounts may go negative
        }

        if (account.Status == AccountStatus.Frozen)
        {
            return DeclineReason.AccountFrozen;
        }

        if (account.Balance + posting.Amount < 0)
        {
            return DeclineReason.InsufficientFunds;
        }

        if (posting.CountsTowardsDailyLimit && SpentOn(account, day) - posting.Amount > dailyLimit)
        {
            return DeclineReason.LimitExceeded;
        }

        return null;
    }

    /// <summary>Posts a leg that passed <see cref="Check"/>: a new entry, the new balance, the leg kept in flight.</summary>
    public static EntryRecord Apply(AccountState account, Posting posting, DateTimeOffset at, DateOnly day)
    {
        var entry = Append(account, posting.Amount, posting.Kind, posting.TransferId, posting.CounterpartyAccountId, posting.FxRate, at);
        var counts = posting.CountsTowardsDailyLimit && posting.Amount < 0;
        if (counts)
        {
            ResetDayIfNeeded(account, day);
            account.SpentToday -= posting.Amount;
        }

        account.InFlight[posting.TransferId] = new InFlightLeg
        {
            Amount = posting.Amount,
            PostedAt = at,
            CountedTowardsLimit = counts,
            Day = day,
        };
        return entry;
    }

    /// <summary>Whether a leg of <paramref name="transferId"/> was applied here and not reversed yet.</summary>
    public static bool CanReverse(AccountState account, string transferId) =>
        account.InFlight.TryGetValue(transferId, out var leg) && !leg.Reversed;

    /// <summary>Undoes an in-flight leg with an opposite entry; false when there is nothing (left) to undo.</summary>
    public static bool Reverse(AccountState account, string transferId, DateTimeOffset at)
    {
        if (!CanReverse(account, transferId))
        {
            return false;
        }

        var leg = account.InFlight[transferId];

        Append(account, -leg.Amount, EntryKind.Reversal, transferId, null, null, at);
        if (leg.CountedTowardsLimit && account.SpendingDay == leg.Day)
        {
            account.SpentToday = Math.Max(0, account.SpentToday + leg.Amount);
        }

        leg.Reversed = true;
        return true;
    }

    public static decimal SpentOn(AccountState account, DateOnly day) => account.SpendingDay == day ? account.SpentToday : 0m;

    /// <summary>
    /// The oldest full segment of entries to move out of the grain state, or null while it is not full. The state
    /// keeps fewer than <see cref="SegmentSize"/> entries, so every write of a busy account stays small.
    /// </summary>
    public static List<EntryRecord>? SegmentToSeal(AccountState account) =>
        account.Recent.Count >= SegmentSize ? account.Recent.GetRange(0, SegmentSize) : null;

    /// <summary>Drops the sealed segment's entries; the ones left keep room for one more, as a copy's do.</summary>
    public static void MarkSealed(AccountState account)
    {
        account.Recent = ListRoom.WithRoomForOne(account.Recent.GetRange(SegmentSize, account.Recent.Count - SegmentSize));
        account.SealedSegments++;
    }

    /// <summary>The sequence numbers of one page, newest first: below <paramref name="before"/> when given.</summary>
    public static (long First, long Last) PageRange(AccountState account, long? before, int limit)
    {
        var newest = account.NextSequence - 1;
        var first = before is { } b ? Math.Min(b - 1, newest) : newest;
        var last = Math.Max(1, first - limit + 1);
        return (first, last);
    }

    public static int SegmentOf(long sequence) => (int)((sequence - 1) / SegmentSize);

    private static EntryRecord Append(
        AccountState account, decimal amount, EntryKind kind, string reference, string? counterparty, decimal? fxRate, DateTimeOffset at)
    {
        account.Balance += amount;
        var entry = new EntryRecord
        {
            Sequence = account.NextSequence++,
            At = at,
            Amount = amount,
            BalanceAfter = account.Balance,
            Kind = kind,
            Reference = reference,
            Counterparty = SharedCounterparty(account, counterparty),
            FxRate = fxRate,
        };
        account.Recent.Add(entry);
        return entry;
    }

    /// <summary>
    /// The instance of <paramref name="counterparty"/> a newer entry already holds, when one names the same account: entries
    /// posted one by one share it, as entries read back from storage do.
    /// </summary>
    private static string? SharedCounterparty(AccountState account, string? counterparty)
    {
        if (counterparty is null)
        {
            return null;
        }

        for (var i = account.Recent.Count - 1; i >= 0; i--)
        {
            if (string.Equals(account.Recent[i].Counterparty, counterparty, StringComparison.Ordinal))
            {
                return account.Recent[i].Counterparty;
            }
        }

        return counterparty;
    }

    private static void ResetDayIfNeeded(AccountState account, DateOnly day)
    {
        if (account.SpendingDay != day)
        {
            account.SpendingDay = day;
            account.SpentToday = 0;
        }
    }
}
