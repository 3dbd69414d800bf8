using Orleans.Fin.Wealth;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class WealthOptionsTests
{
    [Fact]
    public void Validate_Defaults_NoErrors() => Assert.Empty(new WealthOptions().Validate());

    [Fact]
    public void Validate_PeriodOfSecondsInOneSecondSlots_NoErrors() =>
        Assert.Empty(new WealthOptions { RebalancePeriod = TimeSpan.FromSeconds(3), RebalanceSlots = 3 }.Validate());

    [Fact]
    public void Validate_PeriodBelowASecond_Rejected() =>
        Assert.Contains(
            "Wealth:RebalancePeriod must be at least one second.",
            new WealthOptions { RebalancePeriod = TimeSpan.FromMilliseconds(500), RebalanceSlots = 1 }.Validate());

    [Fact]
    public void Validate_SlotsShorterThanASecond_Rejected() =>
        Assert.Contains(
            "Wealth:RebalanceSlots must be at least 1 and leave each slot at least a second.",
            new WealthOptions { RebalancePeriod = TimeSpan.FromSeconds(3), RebalanceSlots = 4 }.Validate());
}
