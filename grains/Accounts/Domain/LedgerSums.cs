namespace Orleans.Fin.Accounts.Domain;

/// <summary>
/// Sums balances per currency for the ledger integrity check: with double entry every currency sums to zero over all
/// accounts, the bank's own included, unless money was created or lost.
/// </summary>
public static class LedgerSums
{
    public static LedgerTotals Of(IEnumerable<AccountView> accounts)
    {
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var count = 0;
        foreach (var account in accounts)
        {
            sums[account.Currency] = sums.GetValueOrDefault(account.Currency) + account.Balance;
            count++;
        }

        return new LedgerTotals([.. sums.Select(s => new CurrencySum(s.Key, s.Value))], count);
    }

    public static LedgerTotals Combine(IEnumerable<LedgerTotals> parts)
    {
        var sums = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        var count = 0;
        foreach (var part in parts)
        {
            foreach (var sum in part.Currencies)
            {
                sums[sum.Currency] = sums.GetValueOrDefault(sum.Currency) + sum.Sum;
            }

            count += part.Accounts;
        }

        return new LedgerTotals([.. sums.Select(s => new CurrencySum(s.Key, s.Value))], count);
    }

    /// <summary>Age in seconds of the oldest of the given planning times at <paramref name="now"/>, or null when there is none.</summary>
    public static double? OldestAgeSeconds(IEnumerable<DateTimeOffset?> plannedAt, DateTimeOffset now)
    {
        var oldest = plannedAt.OfType<DateTimeOffset>().DefaultIfEmpty(DateTimeOffset.MaxValue).Min();
        return oldest == DateTimeOffset.MaxValue ? null : Math.Max(0, Math.Round((now - oldest).TotalSeconds, 1));
    }
}
