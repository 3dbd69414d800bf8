using Orleans.Fin.Risk;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What a signal from a shared watch (a shared device, a mule account, a ring member, a scam collector, arrears) does to
/// the customer's standing: its boost is added to the decayed score, once per source. Arrears raise the watch on a
/// customer but never, on their own, reach High (no freeze, no case): an arrear is no fraud.
/// </summary>
public static class RingSignalPolicy
{
    private const int MaxScore = 100;

    /// <summary>The standing score after the signal, from the score decayed to now.</summary>
    public static int ScoreAfter(RingSignalKind kind, int decayedScore, int boost, int highThreshold)
    {
        var raised = Math.Clamp(decayedScore + boost, 0, MaxScore);
        return kind == RingSignalKind.CreditOverdue ? Math.Min(raised, Math.Max(decayedScore, highThreshold - 1)) : raised;
    }

    /// <summary>The flag the signal leaves on the customer.</summary>
    public static string FlagOf(RingSignalKind kind) => kind switch
    {
        RingSignalKind.CreditOverdue => "credit-overdue",
        RingSignalKind.SharedDevice => "shared-device",
        RingSignalKind.MuleAccount => "mule-account",
        RingSignalKind.ScamCollector => "scam-collector",
        _ => "ring-member",
    };
}
