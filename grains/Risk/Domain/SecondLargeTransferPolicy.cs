namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A customer talked into a scam pays a new payee far more than they ever paid anyone, answers the code, and is pushed
/// to send more to the same account within minutes. The first transfer cannot be told from a deposit to a new landlord
/// (see <see cref="FirstLargeTransferPolicy"/>); the second can: a large transfer to a payee whose first payment, within
/// <see cref="RiskOptions.SecondTransferWindow"/> before it, was itself large and unusual for the customer (at least
/// <see cref="RiskOptions.AmountMinMultiple"/> times their typical payment, or too few payments to say). Such a payment
/// is held for a call: declined with its reason and the customer contacted, not frozen. A large transfer to another
/// new payee is not held here (a deposit after paying a wedding venue is ordinary); it loses the first-transfer cap
/// instead. Payments to merchants are never held by this rule.
/// </summary>
public static class SecondLargeTransferPolicy
{
    /// <summary>Whether the payment is held for a call.</summary>
    /// <param name="movementId">The payment's own movement (never counted as the first transfer).</param>
    public static bool HoldsForCall(
        BehaviourProfile profile, string movementId, string? payeeAccountId, bool merchant, decimal amountCny, DateTimeOffset at, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.SecondTransferHolds || merchant || payeeAccountId is null || amountCny < options.LargePaymentCny)
        {
            return false;
        }

        var from = at - options.SecondTransferWindow;
        var movement = EventMatch.Of(movementId);
        var (count, meanLog, _, _) = ProfileQueries.AmountsBefore(profile, movement);
        var typicalCny = count == 0 ? 0m : (decimal)Math.Exp(meanLog);
        foreach (var p in profile.Payments)
        {
            if (p.At > from && p.At <= at && p.NewPayee && p.PayeeAccountId == payeeAccountId && !p.Declined && !p.Withdrawal && p.AmountCny >= options.LargePaymentCny
                && !movement.Names(p.Event)
                && (count < options.AmountHistoryMinPayments || p.AmountCny >= typicalCny * (decimal)options.AmountMinMultiple))
            {
                return true;
            }
        }

        return false;
    }
}
