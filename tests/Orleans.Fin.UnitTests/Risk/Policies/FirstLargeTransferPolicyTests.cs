using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class FirstLargeTransferPolicyTests
{
    private static readonly RiskSignal AmountFarAbove = new(RiskReasons.AmountFarAboveHistory, 25, RiskSignalGroup.Amount);

    private readonly RiskOptions _options = new();

    private bool CapsAtCode(BehaviourProfile profile, PaymentCandidate candidate, params RiskSignal[] signals) =>
        FirstLargeTransferPolicy.CapsAtCode(profile, RiskEvent.From(candidate), signals, _options);

    [Fact]
    public void CapsAtCode_DepositToANewLandlordWithOnlyItsSizeAgainstIt_True() =>
        Assert.True(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_landlord"), AmountFarAbove));

    [Fact]
    public void CapsAtCode_NothingFoundByTheRules_True() =>
        Assert.True(CapsAtCode(Established(), Candidate(T0, 7_400m, "acc_landlord")));

    [Fact]
    public void CapsAtCode_TheStreamEventOfThatPaymentAfterItWasObserved_StillTrue()
    {
        var profile = Established();
        var candidate = Candidate(T0, 12_900m, "acc_landlord");
        var activity = ToActivity(candidate);
        Observed(profile, activity);

        Assert.True(FirstLargeTransferPolicy.CapsAtCode(profile, RiskEvent.From(activity), [AmountFarAbove], _options));
    }

    [Fact]
    public void CapsAtCode_BelowTheLargeAmount_False() =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 4_999m, "acc_landlord"), AmountFarAbove));

    [Fact]
    public void CapsAtCode_PayeePaidBefore_False() =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_usual1"), AmountFarAbove));

    [Fact]
    public void CapsAtCode_PaymentToAMerchant_False() =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_shop") with { MerchantCategory = "5732" }, AmountFarAbove));

    [Fact]
    public void CapsAtCode_UnboundDevice_False() =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_landlord", bound: false), AmountFarAbove));

    [Fact]
    public void CapsAtCode_FreshlyBoundDevice_False() =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_landlord") with { DeviceBoundAt = T0.AddHours(-1) }, AmountFarAbove));

    [Fact]
    public void CapsAtCode_DeviceBoundLongAgo_True() =>
        Assert.True(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_landlord") with { DeviceBoundAt = T0.AddDays(-30) }, AmountFarAbove));

    [Theory]
    [InlineData(RiskReasons.LoginThenPaymentNewDevice)]
    [InlineData(RiskReasons.NewDevice)]
    [InlineData(RiskReasons.ImpossibleTravelThenPayment)]
    [InlineData(RiskReasons.LargePaymentBurst)]
    [InlineData(RiskReasons.PassThrough)]
    public void CapsAtCode_AnotherFinding_False(string code) =>
        Assert.False(CapsAtCode(Established(), Candidate(T0, 12_900m, "acc_landlord"), AmountFarAbove, new RiskSignal(code, 35, RiskSignalGroup.Device)));

    [Fact]
    public void CapsAtCode_SecondLargeTransferToANewPayeeTheSameDay_False()
    {
        var profile = Observed(Established(), Payment(T0.AddHours(-3), 8_000m, "acc_first"));

        Assert.False(CapsAtCode(profile, Candidate(T0, 12_900m, "acc_second"), AmountFarAbove));
    }

    [Fact]
    public void CapsAtCode_AfterADeclinedLargeAttemptToANewPayee_False()
    {
        var profile = Observed(Established(), Payment(T0.AddMinutes(-20), 8_000m, "acc_scammer", status: BehaviourTracker.DeclinedStatus));

        Assert.False(CapsAtCode(profile, Candidate(T0, 8_000m, "acc_scammer"), AmountFarAbove));
    }

    [Fact]
    public void CapsAtCode_LargeTransferToANewPayeeMoreThanADayBefore_True()
    {
        var profile = Observed(Established(), Payment(T0.AddHours(-25), 8_000m, "acc_first"));

        Assert.True(CapsAtCode(profile, Candidate(T0, 12_900m, "acc_second"), AmountFarAbove));
    }

    [Fact]
    public void CapsAtCode_FundedByMoneyJustInFromAStranger_False()
    {
        var profile = Observed(Established(), Inflow(T0.AddMinutes(-30), 20_000m, "acc_src"));

        Assert.False(CapsAtCode(profile, Candidate(T0, 18_000m, "acc_out"), AmountFarAbove));
    }

    [Fact]
    public void CapsAtCode_SmallInflowOrOneFromAPayee_True()
    {
        var profile = Observed(Established(), Inflow(T0.AddHours(-2), 3_000m, "acc_src"), Inflow(T0.AddHours(-1), 20_000m, "acc_usual2"));

        Assert.True(CapsAtCode(profile, Candidate(T0, 12_900m, "acc_landlord"), AmountFarAbove));
    }

    [Fact]
    public void CapsAtCode_Disabled_False()
    {
        var options = new RiskOptions { FirstTransferCapsAtCode = false };

        Assert.False(FirstLargeTransferPolicy.CapsAtCode(Established(), RiskEvent.From(Candidate(T0, 12_900m, "acc_landlord")), [AmountFarAbove], options));
    }

    [Fact]
    public void ScorePayment_FirstLargeTransferScoredHigh_IsCappedAtMediumWithTheReason()
    {
        // Thresholds low enough that the amount rule alone (25 points) would be High.
        var scorer = new RiskScorer(new RiskOptions { MediumThreshold = 10, HighThreshold = 20 }, model: null);

        var verdict = scorer.ScorePayment(Established(), Candidate(T0, 12_900m, "acc_landlord"));

        Assert.Equal(RiskLevel.Medium, verdict.Level);
        Assert.Equal(19, verdict.Score);
        Assert.Equal([RiskReasons.AmountFarAboveHistory, RiskReasons.FirstLargeTransfer], verdict.Reasons);
    }

    [Fact]
    public void ScorePayment_SecondLargeTransferScoredHigh_StaysHigh()
    {
        var scorer = new RiskScorer(new RiskOptions { MediumThreshold = 10, HighThreshold = 20 }, model: null);
        var profile = Observed(Established(), Payment(T0.AddMinutes(-15), 9_000m, "acc_landlord"));

        var verdict = scorer.ScorePayment(profile, Candidate(T0, 9_000m, "acc_other"));

        Assert.Equal(RiskLevel.High, verdict.Level);
        Assert.DoesNotContain(RiskReasons.FirstLargeTransfer, verdict.Reasons);
    }
}
