using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// When a payment that is not declined asks for a one-time code: a Medium verdict, a device the customer has not bound
/// or bound only recently, a recent medium-risk finding on the customer, or a payee under watch (see <see cref="BeneficiaryRiskPolicy"/>). A Medium verdict that says more than "a new
/// phone" also flags the customer, contacts it and steps up its other payments for a while.
/// </summary>
public static class PaymentStepUpPolicy
{
    public const string MediumRisk = "STEP_UP_MEDIUM_RISK";
    public const string UnboundDevice = "STEP_UP_UNBOUND_DEVICE";
    public const string FreshlyBoundDevice = "STEP_UP_FRESHLY_BOUND_DEVICE";
    public const string RecentFinding = "STEP_UP_RECENT_FINDING";
    public const string WatchedBeneficiary = "STEP_UP_WATCHED_BENEFICIARY";

    /// <summary>Why the payment needs a one-time code; empty when it does not.</summary>
    public static IReadOnlyList<string> Reasons(RiskLevel level, bool deviceBound, bool freshlyBound, bool recentFinding, bool watchedPayee = false)
    {
        List<string> reasons = [];
        if (level == RiskLevel.Medium)
        {
            reasons.Add(MediumRisk);
        }

        if (!deviceBound)
        {
            reasons.Add(UnboundDevice);
        }
        else if (freshlyBound)
        {
            reasons.Add(FreshlyBoundDevice);
        }

        if (recentFinding)
        {
            reasons.Add(RecentFinding);
        }

        if (watchedPayee)
        {
            reasons.Add(WatchedBeneficiary);
        }

        return reasons;
    }

    /// <summary>Whether a Medium verdict found more than the device alone (then flag, contact and step up).</summary>
    public static bool WarrantsContact(RiskLevel level, IReadOnlyList<string> verdictReasons) =>
        level == RiskLevel.Medium && verdictReasons.Any(r => r is not (RiskReasons.UnboundDevice or RiskReasons.FreshlyBoundDevice));
}
