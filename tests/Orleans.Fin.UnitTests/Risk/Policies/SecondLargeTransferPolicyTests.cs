using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class SecondLargeTransferPolicyTests
{
    private readonly RiskOptions _options = new();

    private bool HoldsForCall(BehaviourProfile profile, string payee, decimal amountCny, DateTimeOffset at, bool merchant = false, string movementId = "mov_second") =>
        SecondLargeTransferPolicy.HoldsForCall(profile, movementId, payee, merchant, amountCny, at, _options);

    /// <summary>An established customer (payments of 60–140 CNY) who paid 8,000 CNY to a new payee at T0.</summary>
    private static BehaviourProfile AfterUnusualFirstTransfer(string status = "Completed") =>
        Observed(Established(), Payment(T0, 8_000m, "acc_scammer", status: status));

    [Fact]
    public void HoldsForCall_SecondLargeTransferToTheSamePayeeMinutesLater_True() =>
        Assert.True(HoldsForCall(AfterUnusualFirstTransfer(), "acc_scammer", 9_000m, T0.AddMinutes(15)));

    [Fact]
    public void HoldsForCall_LargeTransferToAnotherNewPayee_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(), "acc_other", 6_000m, T0.AddHours(2)));

    [Fact]
    public void HoldsForCall_SecondTransferBelowTheLargeAmount_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(), "acc_scammer", 4_999m, T0.AddMinutes(15)));

    [Fact]
    public void HoldsForCall_AfterTheWindow_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(), "acc_scammer", 9_000m, T0.AddHours(6).AddMinutes(1)));

    [Fact]
    public void HoldsForCall_FirstTransferWasDeclined_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(BehaviourTracker.DeclinedStatus), "acc_scammer", 9_000m, T0.AddMinutes(15)));

    [Fact]
    public void HoldsForCall_PaymentToAMerchant_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(), "acc_shop", 9_000m, T0.AddMinutes(15), merchant: true));

    [Fact]
    public void HoldsForCall_UsualPayeeAfterTheUnusualTransfer_False() =>
        Assert.False(HoldsForCall(AfterUnusualFirstTransfer(), "acc_usual1", 9_000m, T0.AddMinutes(15)));

    [Fact]
    public void HoldsForCall_JustInsideTheWindow_True() =>
        Assert.True(HoldsForCall(AfterUnusualFirstTransfer(), "acc_scammer", 9_000m, T0.AddHours(6).AddMinutes(-1)));

    [Fact]
    public void HoldsForCall_NoLargeTransferBefore_False() =>
        Assert.False(HoldsForCall(Established(), "acc_landlord", 12_900m, T0));

    [Fact]
    public void HoldsForCall_TheFirstTransferItself_False() =>
        Assert.False(HoldsForCall(Observed(Established(), Payment(T0, 8_000m, "acc_landlord", id: "mov_first:PaymentOut")), "acc_landlord", 8_000m, T0, movementId: "mov_first"));

    [Fact]
    public void HoldsForCall_FirstTransferOrdinaryForACustomerWhoPaysLargeAmounts_False()
    {
        var profile = new BehaviourProfile();
        for (var day = 10; day >= 1; day--)
        {
            Observed(profile, Payment(T0.AddDays(-day), 4_000m + (day * 100m), $"acc_supplier{day % 4}"));
        }

        Observed(profile, Payment(T0, 8_000m, "acc_newsupplier"));

        Assert.False(HoldsForCall(profile, "acc_newsupplier", 9_000m, T0.AddMinutes(15)));
    }

    [Fact]
    public void HoldsForCall_NewCustomerWithTooFewPaymentsToSay_True()
    {
        var profile = Observed(Payment(T0.AddDays(-2), 200m, "acc_friend"), Payment(T0, 6_000m, "acc_new"));

        Assert.True(HoldsForCall(profile, "acc_new", 7_000m, T0.AddMinutes(30)));
    }

    [Fact]
    public void HoldsForCall_RuleSwitchedOff_False() =>
        Assert.False(SecondLargeTransferPolicy.HoldsForCall(
            AfterUnusualFirstTransfer(), "mov_second", "acc_scammer", false, 9_000m, T0.AddMinutes(15), new RiskOptions { SecondTransferHolds = false }));
}
