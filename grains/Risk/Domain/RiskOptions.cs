namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Thresholds of the risk levels and parameters of the pattern rules (configuration section "Risk"). Amounts are
/// CNY-equivalents. Points are on the 0–100 scale: see <see cref="RiskScorer"/> for how they combine.
/// </summary>
public sealed class RiskOptions
{
    public const string Section = "Risk";

    /// <summary>A score at or above this is Medium (step-up one-time code, contact task).</summary>
    public int MediumThreshold { get; set; } = 40;

    /// <summary>A score at or above this is High (decline, freeze, case).</summary>
    public int HighThreshold { get; set; } = 70;

    /// <summary>The largest part of 100 the fraud model can claim on its own (0 disables the model).</summary>
    public double ModelWeight { get; set; } = 0.9;

    /// <summary>The model's probability from which "MODEL_HIGH" is given as a reason.</summary>
    public double ModelReasonProbability { get; set; } = 0.5;

    // Several large payments in a short time.
    public decimal LargePaymentCny { get; set; } = 5_000m;
    public TimeSpan LargeBurstWindow { get; set; } = TimeSpan.FromMinutes(30);
    public int LargeBurstCount { get; set; } = 3;
    public int LargeBurstPoints { get; set; } = 45;

    // Rapid tiny payments to many payees.
    public decimal TinyPaymentCny { get; set; } = 10m;
    public TimeSpan CardTestingWindow { get; set; } = TimeSpan.FromMinutes(10);
    public int CardTestingMinPayments { get; set; } = 5;
    public int CardTestingMinPayees { get; set; } = 3;
    public int CardTestingPoints { get; set; } = 50;

    // A burst of payments to payees never paid before.
    public TimeSpan NewPayeeWindow { get; set; } = TimeSpan.FromHours(1);
    public int NewPayeeBurstCount { get; set; } = 4;
    public int NewPayeeBurstPoints { get; set; } = 40;

    /// <summary>New-payee bursts count only for customers with at least this many completed payments before (a new customer's payees are all new).</summary>
    public int NewPayeeMinHistory { get; set; } = 20;

    /// <summary>Points added for every payment of a burst beyond the count that triggers it, up to <see cref="BurstMaxPoints"/>.</summary>
    public int BurstEscalationPoints { get; set; } = 10;

    public int BurstMaxPoints { get; set; } = 60;

    // Devices.
    public int NewDevicePoints { get; set; } = 25;
    public int UnboundDevicePoints { get; set; } = 30;
    public TimeSpan LoginThenPaymentWindow { get; set; } = TimeSpan.FromHours(2);
    public int LoginThenPaymentPoints { get; set; } = 35;

    // Journeys too fast to be real.
    public double MaxTravelSpeedKmh { get; set; } = 1_000;
    public double MinTravelDistanceKm { get; set; } = 300;
    public int ImpossibleTravelPoints { get; set; } = 35;

    // Amounts far above the customer's own history.
    public int AmountHistoryMinPayments { get; set; } = 5;
    public double AmountSigmas { get; set; } = 3;
    public double AmountMinMultiple { get; set; } = 5;
    public decimal AmountMinCny { get; set; } = 1_000m;
    public int AmountFarAbovePoints { get; set; } = 25;

    // Device bindings: a binding right after a login from a new device in a new place, and what follows a fresh binding.
    public TimeSpan BindingFreshFor { get; set; } = TimeSpan.FromHours(6);
    public TimeSpan BindingAfterLoginWindow { get; set; } = TimeSpan.FromHours(1);
    public int FreshlyBoundDevicePoints { get; set; } = 30;
    public int RiskyBindingPoints { get; set; } = 40;
    public int UnusualAfterBindingPoints { get; set; } = 30;
    public int RepeatedUnusualAfterBindingPoints { get; set; } = 50;

    // Pass-through: money in from several new senders, then most of it out again.
    public TimeSpan PassThroughWindow { get; set; } = TimeSpan.FromHours(6);
    public int PassThroughMinSenders { get; set; } = 3;
    public decimal PassThroughMinInflowCny { get; set; } = 5_000m;
    public decimal PassThroughOutShare { get; set; } = 0.6m;

    /// <summary>The payment itself must take at least this share of what came in (money out "at once", not pocket money).</summary>
    public decimal PassThroughMinPaymentShare { get; set; } = 0.25m;
    public int PassThroughPoints { get; set; } = 75;

    /// <summary>Whether a payment to a merchant reaches High only when the rules alone do (the model alone makes it Medium).</summary>
    public bool MerchantNeedsRulesForHigh { get; set; } = true;

    // A first large transfer to a new payee whose only finding is its size (see FirstLargeTransferPolicy).
    public bool FirstTransferCapsAtCode { get; set; } = true;

    /// <summary>Another large transfer to a new payee within this window means the cap does not apply.</summary>
    public TimeSpan FirstTransferWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Money from new senders within this window before the transfer...</summary>
    public TimeSpan FirstTransferInflowWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>...covering at least this share of it means the cap does not apply (money in, then out).</summary>
    public decimal FirstTransferFundedShare { get; set; } = 0.5m;

    // Another large transfer to a new payee soon after an unusual first one to it (see SecondLargeTransferPolicy).
    public bool SecondTransferHolds { get; set; } = true;

    /// <summary>How long after an unusual first large transfer to a new payee another large transfer to it is held for a call.</summary>
    public TimeSpan SecondTransferWindow { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The problems with these settings; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        List<string> problems = [];
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }

        Check(MediumThreshold is > 0 and <= 100, "Risk:MediumThreshold must be within 1..100.");
        Check(HighThreshold is > 0 and <= 100 && HighThreshold > MediumThreshold, "Risk:HighThreshold must be within 1..100 and above MediumThreshold.");
        Check(ModelWeight is >= 0 and <= 1, "Risk:ModelWeight must be within 0..1.");
        Check(ModelReasonProbability is > 0 and <= 1, "Risk:ModelReasonProbability must be within (0, 1].");
        Check(LargePaymentCny > 0 && TinyPaymentCny > 0 && AmountMinCny >= 0, "Risk amounts must be positive.");
        Check(LargeBurstWindow > TimeSpan.Zero && CardTestingWindow > TimeSpan.Zero && NewPayeeWindow > TimeSpan.Zero && LoginThenPaymentWindow > TimeSpan.Zero, "Risk windows must be positive.");
        Check(
            LargeBurstWindow <= BehaviourLimits.Window && CardTestingWindow <= BehaviourLimits.Window && NewPayeeWindow <= BehaviourLimits.Window && LoginThenPaymentWindow <= BehaviourLimits.Window,
            $"Risk windows cannot exceed the {BehaviourLimits.Window.TotalHours} h the profile keeps.");
        Check(LargeBurstCount >= 2 && CardTestingMinPayments >= 2 && CardTestingMinPayees >= 1 && NewPayeeBurstCount >= 2, "Risk burst counts must be at least 2.");
        Check(MaxTravelSpeedKmh > 0 && MinTravelDistanceKm >= 0, "Risk travel limits must be positive.");
        Check(NewPayeeMinHistory >= 0, "Risk:NewPayeeMinHistory cannot be negative.");
        Check(AmountHistoryMinPayments >= 1 && AmountSigmas > 0 && AmountMinMultiple >= 1, "Risk amount-history parameters are out of range.");
        Check(BindingFreshFor > TimeSpan.Zero && BindingAfterLoginWindow > TimeSpan.Zero && PassThroughWindow > TimeSpan.Zero, "Risk binding and pass-through windows must be positive.");
        Check(
            FirstTransferWindow > TimeSpan.Zero && FirstTransferWindow <= BehaviourLimits.Window && FirstTransferInflowWindow > TimeSpan.Zero
            && FirstTransferInflowWindow <= BehaviourLimits.Window && FirstTransferFundedShare > 0,
            $"Risk first-transfer windows must be positive and within {BehaviourLimits.Window.TotalHours} h; the funded share must be positive.");
        Check(
            SecondTransferWindow > TimeSpan.Zero && SecondTransferWindow <= BehaviourLimits.Window,
            $"Risk:SecondTransferWindow must be positive and within {BehaviourLimits.Window.TotalHours} h.");
        Check(PassThroughWindow <= BehaviourLimits.Window, $"Risk:PassThroughWindow cannot exceed the {BehaviourLimits.Window.TotalHours} h the profile keeps.");
        Check(PassThroughMinSenders >= 2 && PassThroughMinInflowCny > 0 && PassThroughOutShare is > 0 and <= 1 && PassThroughMinPaymentShare is >= 0 and <= 1, "Risk pass-through parameters are out of range.");
        Check(
            new[] { FreshlyBoundDevicePoints, RiskyBindingPoints, UnusualAfterBindingPoints, RepeatedUnusualAfterBindingPoints, PassThroughPoints }.All(p => p is >= 0 and <= 100),
            "Risk binding and pass-through points must be within 0..100.");
        Check(
            new[] { LargeBurstPoints, CardTestingPoints, NewPayeeBurstPoints, BurstEscalationPoints, BurstMaxPoints, NewDevicePoints, UnboundDevicePoints, LoginThenPaymentPoints, ImpossibleTravelPoints, AmountFarAbovePoints }
                .All(p => p is >= 0 and <= 100),
            "Risk rule points must be within 0..100.");
        return problems;
    }
}
