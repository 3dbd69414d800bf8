using Orleans.Fin.Customers;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Beneficiary risk (a scam collector): which payment attempts say something about their payee, when a payment asks
/// the payee's watch at all, and what an attempt to pay a watched payee gets. An attempt counts against its payee when
/// it goes to a payee the customer never paid and is either Medium or High for reasons beyond the device, or a large
/// transfer (no merchant) that is also unusual for its sender: far above the sender's habits, from a sender with too
/// few payments to say, or with another finding beyond the device. A scam victim sends most of their savings, far above
/// anything they paid before; a wedding guest's large gift from an ordinary history, or a tenant's deposit, does not
/// count. Two such customers within the window make a watched payee. A watched payee's large inbound attempts are held
/// (declined), smaller ones need a one-time code.
/// </summary>
public static class BeneficiaryRiskPolicy
{
    /// <param name="senderPayments">The sender's payments the profile's amount history held before this one.</param>
    public static bool IsRiskyAttempt(
        RiskLevel level, IReadOnlyList<string> reasons, decimal amountCny, bool newPayee, bool merchant, long senderPayments, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(options);
        if (!newPayee)
        {
            return false;
        }

        var beyondDevice = reasons.Any(r => r is not (RiskReasons.UnboundDevice or RiskReasons.FreshlyBoundDevice));
        if (level != RiskLevel.Low && beyondDevice)
        {
            return true;
        }

        return !merchant && amountCny >= options.LargePaymentCny && (beyondDevice || senderPayments < options.AmountHistoryMinPayments);
    }

    /// <summary>
    /// How many payments the sender's amount history held before this one (the payment itself not counted when the
    /// profile has already taken it in).
    /// </summary>
    public static long SenderPaymentsBefore(BehaviourProfile profile, string movementId) => ProfileQueries.AmountsBefore(profile, movementId).Count;

    /// <summary>Whether the customer never paid the account before (as far as the profile remembers).</summary>
    public static bool IsNewPayee(BehaviourProfile profile, string payee) => ProfileQueries.FindPayee(profile, payee) is null;

    /// <summary>Whether the payment asks the payee's watch: risky attempts, and any sizeable payment to a new payee.</summary>
    public static bool ShouldConsult(bool risky, bool newPayee, decimal amountCny, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return risky || (newPayee && amountCny >= options.AmountMinCny);
    }

    /// <summary>What a payment to a watched payee gets; null when the payee is not watched.</summary>
    public static PaymentDecision? ForWatchedPayee(bool watched, decimal amountCny, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !watched ? null : amountCny >= options.LargePaymentCny ? PaymentDecision.Decline : PaymentDecision.Challenge;
    }
}
