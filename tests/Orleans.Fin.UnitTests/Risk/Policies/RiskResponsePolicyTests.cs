using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class RiskResponsePolicyTests
{
    [Theory]
    [InlineData(RiskLevel.High, true, RiskResponse.FreezeAndOpenCase)]
    [InlineData(RiskLevel.High, false, RiskResponse.FreezeAndOpenCase)]
    [InlineData(RiskLevel.Medium, true, RiskResponse.StepUpAndContact)]
    [InlineData(RiskLevel.Low, true, RiskResponse.Watch)]
    [InlineData(RiskLevel.Low, false, RiskResponse.None)]
    public void ForVerdict_ActsByTier(RiskLevel level, bool findings, RiskResponse expected) =>
        Assert.Equal(expected, RiskResponsePolicy.ForVerdict(level, findings));

    [Theory]
    [InlineData(RiskLevel.Low, RiskLevel.High, RiskResponse.FreezeAndOpenCase)]
    [InlineData(RiskLevel.Medium, RiskLevel.High, RiskResponse.FreezeAndOpenCase)]
    [InlineData(RiskLevel.High, RiskLevel.High, RiskResponse.Watch)]
    [InlineData(RiskLevel.Low, RiskLevel.Medium, RiskResponse.StepUpAndContact)]
    [InlineData(RiskLevel.Medium, RiskLevel.Medium, RiskResponse.Watch)]
    [InlineData(RiskLevel.Low, RiskLevel.Low, RiskResponse.Watch)]
    public void ForStandingChange_ActsOnlyWhenCrossingUp(RiskLevel before, RiskLevel after, RiskResponse expected) =>
        Assert.Equal(expected, RiskResponsePolicy.ForStandingChange(before, after));
}
