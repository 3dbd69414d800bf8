using Orleans.Fin.Customers;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class BeneficiaryRiskPolicyTests
{
    private readonly RiskOptions _options = new();

    /// <summary>Forty payments, the largest 3,000 CNY (rent, a bill): a 6,000 gift is large but not unusual for it.</summary>
    private static readonly SenderHistory OrdinaryHistory = new(40, 3_000m);

    [Fact]
    public void IsRiskyAttempt_VictimSendingFarAboveHabitsToANewPayee_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Low, [RiskReasons.AmountFarAboveHistory], 20_000m, newPayee: true, merchant: false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_GuestWithAnOrdinaryHistoryGivingALargeGift_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.Low, [], 6_000m, newPayee: true, merchant: false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_DepositCappedAtACodeFromAnOrdinaryHistory_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Medium, [RiskReasons.AmountFarAboveHistory, RiskReasons.FirstLargeTransfer], 12_000m, true, false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_LargeGiftFromAnUnboundPhoneOnly_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Medium, [RiskReasons.UnboundDevice], 6_000m, newPayee: true, merchant: false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_LargeTransferWithAnotherFindingAtLow_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.Low, [RiskReasons.NewDevice], 6_000m, true, false, OrdinaryHistory, _options));

    [Theory]
    [InlineData(0, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void IsRiskyAttempt_LargeTransferCountsWhenTheSenderHasTooFewPaymentsToSay(long payments, bool expected) =>
        Assert.Equal(expected, BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Low, [], 5_000m, newPayee: true, merchant: false, new SenderHistory(payments, 3_000m), _options));

    [Fact]
    public void IsRiskyAttempt_GiftTheModelAloneScoredHighCappedAtACode_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Medium, [RiskReasons.ModelHigh, RiskReasons.FirstLargeTransfer], 8_800m, true, false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_LargeTransferHighForTheModelAlone_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.High, [RiskReasons.ModelHigh], 8_800m, true, false, OrdinaryHistory, _options));

    [Theory]
    [InlineData(14_999, false)]
    [InlineData(15_000, true)]
    public void IsRiskyAttempt_LargeTransferCountsFromFiveTimesTheSendersLargestPayment(decimal amount, bool expected) =>
        Assert.Equal(expected, BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.Low, [], amount, true, false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_SmallerTransferMediumForTheModel_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.Medium, [RiskReasons.ModelHigh], 800m, true, false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_SmallerTransferToANewPayee_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Low, [RiskReasons.AmountFarAboveHistory], 4_999m, newPayee: true, merchant: false, OrdinaryHistory, _options));

    [Fact]
    public void IsRiskyAttempt_BigPurchaseAtAMerchant_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.Low, [RiskReasons.AmountFarAboveHistory], 20_000m, newPayee: true, merchant: true, default, _options));

    [Fact]
    public void IsRiskyAttempt_KnownPayee_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.High, [RiskReasons.LargePaymentBurst], 20_000m, newPayee: false, merchant: false, default, _options));

    [Fact]
    public void IsRiskyAttempt_MediumOnlyForAnUnboundPhone_False() =>
        Assert.False(BeneficiaryRiskPolicy.IsRiskyAttempt(RiskLevel.Medium, [RiskReasons.UnboundDevice], 300m, true, false, default, _options));

    [Fact]
    public void IsRiskyAttempt_HighForABurst_True() =>
        Assert.True(BeneficiaryRiskPolicy.IsRiskyAttempt(
            RiskLevel.High, [RiskReasons.LargePaymentBurst, RiskReasons.UnboundDevice], 6_000m, true, false, OrdinaryHistory, _options));

    [Theory]
    [InlineData(false, true, 999, false)]
    [InlineData(false, true, 1_000, true)]
    [InlineData(false, false, 50_000, false)]
    [InlineData(true, false, 10, true)]
    public void ShouldConsult_RiskyOrSizeableToANewPayee(bool risky, bool newPayee, decimal amount, bool expected) =>
        Assert.Equal(expected, BeneficiaryRiskPolicy.ShouldConsult(risky, newPayee, amount, _options));

    [Theory]
    [InlineData(false, 50_000, null)]
    [InlineData(true, 5_000, PaymentDecision.Decline)]
    [InlineData(true, 4_999, PaymentDecision.Challenge)]
    public void ForWatchedPayee_LargeHeldSmallerChallenged(bool watched, decimal amount, PaymentDecision? expected) =>
        Assert.Equal(expected, BeneficiaryRiskPolicy.ForWatchedPayee(watched, amount, _options));
}
