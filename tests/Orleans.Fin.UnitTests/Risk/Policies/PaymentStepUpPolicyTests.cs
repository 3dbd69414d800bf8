using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class PaymentStepUpPolicyTests
{
    [Fact]
    public void Reasons_LowRiskBoundDevice_NoStepUp() =>
        Assert.Empty(PaymentStepUpPolicy.Reasons(RiskLevel.Low, deviceBound: true, freshlyBound: false, recentFinding: false));

    [Fact]
    public void Reasons_UnboundDevice_StepUp() =>
        Assert.Equal(["STEP_UP_UNBOUND_DEVICE"], PaymentStepUpPolicy.Reasons(RiskLevel.Low, false, false, false));

    [Fact]
    public void Reasons_FreshlyBoundDevice_StepUp() =>
        Assert.Equal(["STEP_UP_FRESHLY_BOUND_DEVICE"], PaymentStepUpPolicy.Reasons(RiskLevel.Low, true, true, false));

    [Fact]
    public void Reasons_EveryCause_AllListedInOrder() =>
        Assert.Equal(
            ["STEP_UP_MEDIUM_RISK", "STEP_UP_UNBOUND_DEVICE", "STEP_UP_RECENT_FINDING", "STEP_UP_WATCHED_BENEFICIARY"],
            PaymentStepUpPolicy.Reasons(RiskLevel.Medium, false, true, true, watchedPayee: true));

    [Fact]
    public void WarrantsContact_MediumForTheDeviceAlone_False() =>
        Assert.False(PaymentStepUpPolicy.WarrantsContact(RiskLevel.Medium, [RiskReasons.UnboundDevice, RiskReasons.FreshlyBoundDevice]));

    [Fact]
    public void WarrantsContact_MediumWithAnotherFinding_True() =>
        Assert.True(PaymentStepUpPolicy.WarrantsContact(RiskLevel.Medium, [RiskReasons.UnboundDevice, RiskReasons.AmountFarAboveHistory]));

    [Fact]
    public void WarrantsContact_Low_False() =>
        Assert.False(PaymentStepUpPolicy.WarrantsContact(RiskLevel.Low, [RiskReasons.AmountFarAboveHistory]));
}
