using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The tier-to-action policy. A verdict on the customer's own activity acts by its level: High freezes and opens a
/// case, Medium steps up and contacts, Low with findings watches. A change of standing from outside (a ring signal, a
/// risky binding) acts only when it crosses into a higher tier, so a customer already stepped up is not contacted again.
/// </summary>
public static class RiskResponsePolicy
{
    public static RiskResponse ForVerdict(RiskLevel level, bool hasFindings) => level switch
    {
        RiskLevel.High => RiskResponse.FreezeAndOpenCase,
        RiskLevel.Medium => RiskResponse.StepUpAndContact,
        _ => hasFindings ? RiskResponse.Watch : RiskResponse.None,
    };

    public static RiskResponse ForStandingChange(RiskLevel before, RiskLevel after) =>
        after == RiskLevel.High && before != RiskLevel.High ? RiskResponse.FreezeAndOpenCase
        : after == RiskLevel.Medium && before == RiskLevel.Low ? RiskResponse.StepUpAndContact
        : RiskResponse.Watch;
}
