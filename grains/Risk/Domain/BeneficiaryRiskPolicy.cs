using Orleans.Fin.Customers;
using Orleans.Fin.Risk;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Beneficiary risk (a scam collector): which payment attempts say something about their payee, when a payment asks
/// the payee's watch at all, and what an attempt to pay a watched payee gets. Only attempts to a payee the customer
/// never paid count. A large transfer (no merchant) counts when it is High, or unusual for its sender: a rule finding
/// beyond the device (far above the sender's habits, a burst, a new device or place), a sender with too few payments to
/// say, or an amount of at least <see cref="RiskOptions.AmountMinMultiple"/> times the largest the sender ever paid. The
/// fraud model alone does not make it count: it takes any first large transfer to a new payee for a scam. A scam victim
/// sends most of their savings, far above anything they paid before; a wedding guest's gift or a tenant's deposit from
/// a history with payments of that order does not count. Any other attempt counts when it is Medium or High for
/// reasons beyond the device. Two such customers within the window make a watched payee. A watched payee's large
/// inbound attempts are held (declined), smaller ones need a one-time code.
/// </summary>
public static class BeneficiaryRiskPolicy
{
    /// <summary>What the verdict says beyond the device's binding.</summary>
    private static readonly HashSet<string> DeviceOnly = new(StringComparer.Ordinal) { RiskReasons.UnboundDevice, RiskReasons.FreshlyBoundDevice };

    /// <summary>What the verdict says beyond the device and the fraud model's score (the rules' own findings).</summary>
    private static readonly HashSet<string> DeviceOrModel = new(StringComparer.Ordinal)
    {
        RiskReasons.UnboundDevice, RiskReasons.FreshlyBoundDevice, RiskReasons.ModelHigh, RiskReasons.FirstLargeTransfer,
    };

    /// <param name="sender">The sender's payments before this one: how many, and the largest in CNY.</param>
    public static bool IsRiskyAttempt(
        RiskLevel level, IReadOnlyList<string> reasons, decimal amountCny, bool newPayee, bool merchant, SenderHistory sender, RiskOptions options)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(options);
        if (!newPayee)
        {
            return false;
        }

        var beyondDevice = reasons.Any(r => !DeviceOnly.Contains(r));
        if (merchant || amountCny < options.LargePaymentCny)
        {
            return level != RiskLevel.Low && beyondDevice;
        }

        return (level == RiskLevel.High && beyondDevice)
            || reasons.Any(r => !DeviceOrModel.Contains(r))
            || sender.Payments < options.AmountHistoryMinPayments
            || amountCny >= sender.LargestCny * (decimal)options.AmountMinMultiple;
    }

    /// <summary>The sender's payments before this one (the payment itself not counted when the profile has taken it in).</summary>
    public static SenderHistory SenderHistoryBefore(BehaviourProfile profile, string movementId)
    {
        var (count, _, _, max) = ProfileQueries.AmountsBefore(profile, EventMatch.Of(movementId));
        return new SenderHistory(count, max);
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
