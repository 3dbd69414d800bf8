namespace Orleans.Fin.Loans.Domain;

/// <summary>What a repayment did: the updated schedule, the amount applied, and what was left over.</summary>
public sealed record AllocationResult(IReadOnlyList<Instalment> Schedule, decimal Applied, decimal Unapplied);

/// <summary>
/// Applies a repayment to a schedule: instalments due by <c>asOf</c> first (oldest first, interest before principal),
/// then — for an early repayment — future principal from the last instalment backwards, which shortens the loan
/// and waives the future interest on the principal repaid. Never takes more than is owed.
/// </summary>
public static class RepaymentAllocation
{
    public static AllocationResult Apply(IReadOnlyList<Instalment> schedule, decimal amount, DateOnly asOf, bool allowEarlyRepayment)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A repayment is positive.");
        }

        var result = schedule.ToList();
        var left = amount;
        for (var i = 0; i < result.Count && left > 0; i++)
        {
            var item = result[i];
            if (item.DueDate > asOf || item.Settled)
            {
                continue;
            }

            var toInterest = Math.Min(left, item.Interest - item.InterestPaid);
            left -= toInterest;
            var toPrincipal = Math.Min(left, item.Principal - item.PrincipalPaid);
            left -= toPrincipal;
            result[i] = item with { InterestPaid = item.InterestPaid + toInterest, PrincipalPaid = item.PrincipalPaid + toPrincipal };
        }

        if (allowEarlyRepayment)
        {
            for (var i = result.Count - 1; i >= 0 && left > 0; i--)
            {
                var item = result[i];
                if (item.DueDate <= asOf || item.Settled)
                {
                    continue;
                }

                var toPrincipal = Math.Min(left, item.Principal - item.PrincipalPaid);
                left -= toPrincipal;
                var paidPrincipal = item.PrincipalPaid + toPrincipal;

                // Principal repaid before it falls due carries no interest for that instalment.
                var interest = paidPrincipal == item.Principal ? item.InterestPaid : item.Interest;
                result[i] = item with { PrincipalPaid = paidPrincipal, Interest = interest };
            }
        }

        return new AllocationResult(result, amount - left, left);
    }

    /// <summary>
    /// The most a repayment can settle as of a day: what is due and unpaid plus the principal not yet due (its future
    /// interest is waived), which is exactly what <see cref="Apply"/> with early repayment absorbs.
    /// </summary>
    public static decimal PayoffAmount(IReadOnlyList<Instalment> schedule, DateOnly asOf) =>
        DueNow(schedule, asOf) + schedule.Where(i => i.DueDate > asOf).Sum(i => i.Principal - i.PrincipalPaid);

    public static decimal OutstandingPrincipal(IReadOnlyList<Instalment> schedule) => schedule.Sum(i => i.Principal - i.PrincipalPaid);

    /// <summary>What is due and unpaid as of a day (instalments whose due date has come).</summary>
    public static decimal DueNow(IReadOnlyList<Instalment> schedule, DateOnly asOf) =>
        schedule.Where(i => i.DueDate <= asOf).Sum(i => i.Remaining);
}
