namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A customer's first large transfer to someone they never paid (a deposit to a new landlord, a car bought privately)
/// looks to the fraud model like the scams it learned from, and nothing in the payment alone tells the two apart. When
/// the amount is the only thing the rules find, the transfer gets a one-time code and a call instead of a freeze.
/// The cap does not apply when anything else points to fraud: a device that is new, unbound or freshly bound, a login
/// from somewhere new, a burst, a pass-through, another large transfer to a new payee within
/// <see cref="RiskOptions.FirstTransferWindow"/> (a second payment is what a scam victim under pressure or a mule
/// paying out makes), or money just in from senders the customer never paid that would fund half of it (a mule).
/// A payee watched because several customers tried to pay it is held by <see cref="BeneficiaryRiskPolicy"/> either way.
/// </summary>
public static class FirstLargeTransferPolicy
{
    /// <summary>The only rule findings the cap tolerates: they describe the size of the payment, not a compromise.</summary>
    private static readonly HashSet<string> AmountOnly = new(StringComparer.Ordinal) { RiskReasons.AmountFarAboveHistory };

    /// <summary>Whether a verdict on this payment is capped below High (a code, not a freeze).</summary>
    internal static bool CapsAtCode(BehaviourProfile profile, in RiskEvent e, IReadOnlyList<RiskSignal> signals, RiskOptions options)
    {
        if (!options.FirstTransferCapsAtCode || e.Kind != Payments.ActivityKind.PaymentOut || e.ToMerchant || e.PayeeAccountId is null
            || e.AmountCny < options.LargePaymentCny || !e.DeviceBound || DeviceBindingPolicy.IsFresh(e.DeviceBoundAt, e.At, options)
            || ProfileQueries.PaymentsToPayeeBefore(profile, e.PayeeAccountId, e.Match) > 0)
        {
            return false;
        }

        foreach (var signal in signals)
        {
            if (!AmountOnly.Contains(signal.Code))
            {
                return false;
            }
        }

        return !AnotherLargeTransferToNewPayee(profile, e, options) && !FundedByNewSenders(profile, e, options);
    }

    /// <summary>A large payment to a payee never paid before (attempted or completed) within the window before this one.</summary>
    private static bool AnotherLargeTransferToNewPayee(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        var from = e.At - options.FirstTransferWindow;
        foreach (var p in profile.Payments)
        {
            if (p.At > from && p.At <= e.At && p.NewPayee && !p.Withdrawal && p.AmountCny >= options.LargePaymentCny
                && !e.Match.Names(p.Event))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Money from senders the customer never paid, arrived within the inflow window, covers the set share of the payment.</summary>
    private static bool FundedByNewSenders(BehaviourProfile profile, in RiskEvent e, RiskOptions options)
    {
        var fresh = ProfileQueries.InflowFromNewSenders(profile, e.At - options.FirstTransferInflowWindow, e.At).Sum;
        return fresh >= e.AmountCny * options.FirstTransferFundedShare;
    }
}
