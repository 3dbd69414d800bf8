using Orleans.Fin.Wealth.Domain;

namespace Orleans.Fin.UnitTests.Wealth;

public sealed class RebalanceScheduleTests
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly DateTimeOffset Monday = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(24)]
    [InlineData(100)]
    public void SlotFor_TenThousandPortfolios_NoSlotAboveTwiceTheMean(int slots)
    {
        var counts = new int[slots];
        for (var i = 0; i < 10_000; i++)
        {
            counts[RebalanceSchedule.SlotFor($"portfolio-{i}", slots)]++;
        }

        var mean = 10_000.0 / slots;
        Assert.All(counts, c => Assert.InRange(c, 1, 2 * mean));
    }

    [Fact]
    public void SlotFor_SameId_SameSlotEveryTime() =>
        Assert.Equal(RebalanceSchedule.SlotFor("p-42"), RebalanceSchedule.SlotFor(new string(['p', '-', '4', '2'])));

    [Theory]
    [InlineData("portfolio-0", 211)]
    [InlineData("p-42", 400)]
    [InlineData("00000000-0000-0000-0000-000000000001", 268)]
    public void SlotFor_KnownId_PinnedAcrossRunsAndNodes(string portfolioId, int expected) =>
        // Pinned values (FNV-1a + murmur3 finaliser): string.GetHashCode is randomised per process and must not be used.
        Assert.Equal(expected, RebalanceSchedule.SlotFor(portfolioId, 1_440));

    [Fact]
    public void OffsetFor_FallsInsideThePeriodOnTheSlotBoundary()
    {
        var offset = RebalanceSchedule.OffsetFor("p-7", Day, 1_440);

        Assert.InRange(offset, TimeSpan.Zero, Day - TimeSpan.FromMinutes(1));
        Assert.Equal(TimeSpan.FromMinutes(RebalanceSchedule.SlotFor("p-7", 1_440)), offset);
    }

    [Fact]
    public void IsDue_NeverRebalanced_IsTrue() =>
        Assert.True(RebalanceSchedule.IsDue(null, Monday, Day, TimeSpan.Zero));

    [Fact]
    public void IsDue_RepeatedTicksInOnePeriod_OnlyFirstRebalances()
    {
        var offset = TimeSpan.FromHours(6);
        var last = Monday + offset + TimeSpan.FromMinutes(1);

        Assert.False(RebalanceSchedule.IsDue(last, last + TimeSpan.FromHours(3), Day, offset));
        Assert.False(RebalanceSchedule.IsDue(last, Monday + Day + offset - TimeSpan.FromTicks(1), Day, offset));
        Assert.True(RebalanceSchedule.IsDue(last, Monday + Day + offset, Day, offset));
    }

    [Fact]
    public void IsDue_NextWindowLessThanAPeriodLater_StillDue()
    {
        // Less than a full period has elapsed (23h31m), but the tick is in the next window, so it rebalances.
        var offset = TimeSpan.FromHours(6);
        var last = Monday + offset + TimeSpan.FromMinutes(30);

        Assert.True(RebalanceSchedule.IsDue(last, Monday + Day + offset + TimeSpan.FromMinutes(1), Day, offset));
    }

    [Fact]
    public void PeriodIndex_BeforeEpoch_FloorsDownward() =>
        Assert.Equal(-1, RebalanceSchedule.PeriodIndex(DateTimeOffset.UnixEpoch.AddHours(-1), Day, TimeSpan.Zero));
}
