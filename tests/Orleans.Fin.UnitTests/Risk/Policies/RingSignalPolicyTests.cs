using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class RingSignalPolicyTests
{
    [Theory]
    [InlineData(RingSignalKind.SharedDevice, 10, 25, 35)]
    [InlineData(RingSignalKind.MuleAccount, 0, 70, 70)]
    [InlineData(RingSignalKind.ScamCollector, 50, 70, 100)]
    [InlineData(RingSignalKind.RingMember, 60, 20, 80)]
    public void ScoreAfter_FraudSignal_AddsTheBoostUpTo100(RingSignalKind kind, int decayed, int boost, int expected) =>
        Assert.Equal(expected, RingSignalPolicy.ScoreAfter(kind, decayed, boost, highThreshold: 70));

    [Theory]
    [InlineData(0, 45, 45)]
    [InlineData(40, 45, 69)]
    [InlineData(75, 45, 75)]
    public void ScoreAfter_Arrears_NeverReachHighOnTheirOwn(int decayed, int boost, int expected) =>
        Assert.Equal(expected, RingSignalPolicy.ScoreAfter(RingSignalKind.CreditOverdue, decayed, boost, highThreshold: 70));

    [Theory]
    [InlineData(RingSignalKind.SharedDevice, "shared-device")]
    [InlineData(RingSignalKind.MuleAccount, "mule-account")]
    [InlineData(RingSignalKind.RingMember, "ring-member")]
    [InlineData(RingSignalKind.CreditOverdue, "credit-overdue")]
    [InlineData(RingSignalKind.ScamCollector, "scam-collector")]
    public void FlagOf_EachKind_HasItsFlag(RingSignalKind kind, string expected) =>
        Assert.Equal(expected, RingSignalPolicy.FlagOf(kind));
}
