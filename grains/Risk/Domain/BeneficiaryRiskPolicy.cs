using Orleans.Fin.Customers;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Beneficiary risk (a scam collector): which payment attempts say something about their payee, when a payment asks
/// the payee's watch at all, and what an attempt to pay a watched payee gets. An attempt counts against its payee when
/// it goes to a payee the customer never paid and is either Medium or High for reasons beyond the device, or a large
/// transfer (no merchant). Two such customers within the window make a watched payee: a landlord taking two large
/// deposits from new tenants on one day would be held too (its owner gets a case to clear). A watched payee's large inbound attempts are held
/// (declined), smaller ones need a one-time code.
/// </summary>
public static class BeneficiaryRiskPolicy
{
    public static bool IsRiskyAttempt(RiskLevel level, IReadOnlyList<string> reasons, decimal amountCny, bool newPayee, bool merchant, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(options);
        if (!newPayee)
        {
            return false;
        }

        var beyondDevice = reasons.Any(r => r is not (RiskReasons.UnboundDevice or RiskReasons.FreshlyBoundDevice));
        return (level != RiskLevel.Low && beyondDevice) || (!merchant && amountCny >= options.LargePaymentCny);
    }

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
