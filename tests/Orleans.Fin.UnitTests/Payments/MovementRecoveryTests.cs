using Orleans.Fin.Payments;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.UnitTests.Payments;

public sealed class MovementRecoveryTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(false, MovementStatus.Pending, false, RecoveryStep.Forget)]
    [InlineData(true, MovementStatus.Pending, true, RecoveryStep.Drive)]
    [InlineData(true, MovementStatus.Pending, false, RecoveryStep.Drive)]
    [InlineData(true, MovementStatus.Declined, true, RecoveryStep.Compensate)]
    [InlineData(true, MovementStatus.Declined, false, RecoveryStep.Settle)]
    [InlineData(true, MovementStatus.Completed, true, RecoveryStep.Settle)]
    [InlineData(true, MovementStatus.ChallengeRequired, false, RecoveryStep.Settle)]
    public void Next_ForStoredState_IsTheStepLeft(bool exists, MovementStatus status, bool legToUndo, RecoveryStep expected) =>
        Assert.Equal(expected, MovementRecovery.Next(exists, status, legToUndo));

    [Fact]
    public void Stale_SkipsYoungAndResumingEntries_OldestFirst()
    {
        var pending = new Dictionary<string, DateTimeOffset>
        {
            ["pay_young"] = Now.AddSeconds(-4),
            ["pay_b"] = Now.AddSeconds(-6),
            ["pay_a"] = Now.AddMinutes(-3),
            ["pay_busy"] = Now.AddMinutes(-5),
            ["pay_edge"] = Now.AddSeconds(-5),
        };

        var stale = MovementRecovery.Stale(pending, new HashSet<string> { "pay_busy" }, Now, 10);

        Assert.Equal(["pay_a", "pay_b", "pay_edge"], stale);
    }

    [Fact]
    public void Stale_MoreThanMax_TakesTheOldest()
    {
        var pending = new Dictionary<string, DateTimeOffset>
        {
            ["pay_1"] = Now.AddMinutes(-1),
            ["pay_2"] = Now.AddMinutes(-2),
            ["pay_3"] = Now.AddMinutes(-3),
        };

        Assert.Equal(["pay_3", "pay_2"], MovementRecovery.Stale(pending, new HashSet<string>(), Now, 2));
    }
}
