namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A pass-through account (a money mule): within <see cref="RiskOptions.PassThroughWindow"/> money arrived from at least
/// <see cref="RiskOptions.PassThroughMinSenders"/> senders the customer never paid, together at least
/// <see cref="RiskOptions.PassThroughMinInflowCny"/>, and this payment takes what went out since the first of them to
/// <see cref="RiskOptions.PassThroughOutShare"/> of it or more, itself at least <see cref="RiskOptions.PassThroughMinPaymentShare"/> of it. Deposits from the customer's own bank do not count.
/// The signal alone is High: the payment is declined and a case opened.
/// </summary>
public static class PassThroughPolicy
{
    internal static RiskSignal? Evaluate(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        if (!e.IsOutgoing || e.AmountCny <= 0 || e.ToMerchant)
        {
            return null;
        }

        // The collection must reach PassThroughMinInflowCny and the payment PassThroughMinPaymentShare of the collection,
        // so a payment below that share of the minimum cannot fire whatever came in: no need to look at the inflows.
        if (e.AmountCny < options.PassThroughMinInflowCny * options.PassThroughMinPaymentShare)
        {
            return null;
        }

        var (inflow, senders, first) = ProfileQueries.InflowFromNewSenders(profile, e.At - options.PassThroughWindow, e.At);
        if (senders < options.PassThroughMinSenders || inflow < options.PassThroughMinInflowCny || first is not { } since
            || e.AmountCny < inflow * options.PassThroughMinPaymentShare)
        {
            return null;
        }

        var outflow = e.AmountCny;
        foreach (var p in profile.Payments)
        {
            if (!p.Declined && p.At >= since && p.At <= e.At && !e.Match.Names(p.Event))
            {
                outflow += p.AmountCny;
            }
        }

        return outflow >= inflow * options.PassThroughOutShare
            ? new RiskSignal(RiskReasons.PassThrough, options.PassThroughPoints, RiskSignalGroup.PassThrough)
            : null;
    }
}
