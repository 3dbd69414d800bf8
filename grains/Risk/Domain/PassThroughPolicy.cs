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

        var from = e.At - options.PassThroughWindow;
        var inflow = 0m;
        DateTimeOffset? first = null;
        HashSet<string> senders = new(StringComparer.Ordinal);
        foreach (var record in profile.Inflows)
        {
            if (record.At <= from || record.At > e.At || record.CounterpartyAccountId is not { } sender
                || ProfileQueries.FindPayee(profile, sender) is not null)
            {
                continue;
            }

            senders.Add(sender);
            inflow += record.AmountCny;
            first = first is { } f && f <= record.At ? f : record.At;
        }

        if (senders.Count < options.PassThroughMinSenders || inflow < options.PassThroughMinInflowCny || first is not { } since
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
