using System.ComponentModel.DataAnnotations;

namespace Orleans.Fin.Risk;

/// <summary>
/// How the risk engine acts on its verdicts (section "RiskControl"): one-time codes, step-up, fraud-ring indicators,
/// the standing score. The score thresholds themselves are the scorer's (section "Risk").
/// </summary>
public sealed class RiskControlOptions
{
    public const string Section = "RiskControl";

    /// <summary>How long a one-time code is valid.</summary>
    public TimeSpan OtpLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Wrong codes allowed per code; reaching it declines the payment.</summary>
    [Range(1, 10)]
    public int OtpMaxAttempts { get; set; } = 3;

    /// <summary>Codes issued per payment (an expired code is replaced); more declines the payment.</summary>
    [Range(1, 10)]
    public int OtpMaxIssues { get; set; } = 3;

    [Range(4, 10)]
    public int OtpDigits { get; set; } = 6;

    /// <summary>How long every payment needs a one-time code after a medium-risk verdict on the activity stream.</summary>
    public TimeSpan StepUpDuration { get; set; } = TimeSpan.FromHours(24);

    /// <summary>At most one contact task per customer in this interval.</summary>
    public TimeSpan ContactInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A payment with no case opened on its customer for this long is a labelled negative (see DecisionLabels).</summary>
    public TimeSpan LabelWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>A case opened on a customer takes in the customer's unreported payments of this long before its trigger as its episode.</summary>
    public TimeSpan FraudLookback { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The share of labelled negatives whose decision-time features are kept as fraud-retraining examples.</summary>
    [Range(0.0, 1.0)]
    public double NegativeSampleRate { get; set; } = 0.05;

    /// <summary>The standing score halves over this time without new findings.</summary>
    public TimeSpan ScoreHalfLife { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Distinct customers on one device from which every one of them gets a shared-device signal.</summary>
    [Range(2, 1000)]
    public int SharedDeviceCustomers { get; set; } = 3;

    [Range(0, 100)]
    public int SharedDeviceBoost { get; set; } = 25;

    /// <summary>Distinct flagged customers paying one account from which its owner is a suspected mule.</summary>
    [Range(2, 1000)]
    public int MuleFlaggedSenders { get; set; } = 3;

    [Range(0, 100)]
    public int MuleBoost { get; set; } = 70;

    [Range(0, 100)]
    public int RingMemberBoost { get; set; } = 20;

    /// <summary>Distinct customers whose risky payments target one payee within <see cref="BeneficiaryWindow"/> from which it is watched.</summary>
    [Range(2, 1000)]
    public int BeneficiaryRiskySenders { get; set; } = 2;

    public TimeSpan BeneficiaryWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Raised on the owner of a watched beneficiary; High from a clean record (a case is opened).</summary>
    [Range(0, 100)]
    public int ScamCollectorBoost { get; set; } = 70;

    /// <summary>Raised once per loan that falls past due; enough to reach Medium from a clean record.</summary>
    [Range(0, 100)]
    public int CreditOverdueBoost { get; set; } = 45;

    /// <summary>The standing-score boost a ring signal of the kind gives (see <c>RingSignalPolicy</c>).</summary>
    public int BoostFor(RingSignalKind kind) => kind switch
    {
        RingSignalKind.SharedDevice => SharedDeviceBoost,
        RingSignalKind.MuleAccount => MuleBoost,
        RingSignalKind.CreditOverdue => CreditOverdueBoost,
        RingSignalKind.ScamCollector => ScamCollectorBoost,
        _ => RingMemberBoost,
    };

    /// <summary>Whether payments and activity are scored (rules and model); off scores everything Low, to measure what scoring costs.</summary>
    public bool ScoringEnabled { get; set; } = true;

    /// <summary>
    /// Whether a risk state with long windows is written in parts (<see cref="Domain.WindowPartsPolicy"/>): its windows in a
    /// cold part rewritten now and then, each write carrying only what is not in it. Off writes every state whole, as a silo
    /// of a version before parts reads it: keep it off until every silo of a cluster runs a version that reads parts.
    /// </summary>
    public bool WindowsInParts { get; set; } = true;

    /// <summary>
    /// From how many window records a risk state is written in parts (back to whole below half of it): an operator's tuning
    /// knob. Lower writes smaller states sooner, for more customers, at the cost of more cold-part rewrites and a second row
    /// each; the chaos run sets it low so that most of its customers' states are in parts while silos are killed.
    /// </summary>
    [Range(Domain.WindowPartsPolicy.LowestThreshold, int.MaxValue, ErrorMessage = "RiskControl:WindowsInPartsFrom is a number of window records, at least {1}.")]
    public int WindowsInPartsFrom { get; set; } = Domain.WindowPartsPolicy.MinRecords;

    /// <summary>How long unforced state changes (profile windows, routine audit records) may wait before being written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Audit records sealed together into the customer's audit segments (a divisor of 64): the risk state, and so the
    /// active risk grain, keeps fewer than this many unsealed besides those of its last write. 64 writes each segment
    /// once, whole, which is all a silo of a version before runs reads correctly: set it during a rolling upgrade from
    /// such a version, then back (docs/ARCHITECTURE.md, "The audit trail").
    /// </summary>
    [AllowedValues(1, 2, 4, 8, 16, 32, 64)]
    public int AuditSealRun { get; set; } = 16;
}
