namespace Orleans.Fin.Loans.Domain;

/// <summary>
/// The automatic debit on a due date: what is due and unpaid by then, capped by what the account can pay, in whole
/// cents rounded down; nothing from an account that is not active. The amount is decided once and recorded with its
/// movement before money moves: it is never worked out again for the same due date.
/// </summary>
public static class AutoDebit
{
    public static decimal Amount(IReadOnlyList<Instalment> schedule, DateOnly dueDate, decimal availableBalance, bool accountActive)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (!accountActive || availableBalance <= 0)
        {
            return 0m;
        }

        var owed = RepaymentAllocation.DueNow(schedule, dueDate);
        return decimal.Round(Math.Min(owed, availableBalance), 2, MidpointRounding.ToZero);
    }
}
