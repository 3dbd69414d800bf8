using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class RingWatchTests
{
    [Fact]
    public void Record_BelowTheThreshold_NothingToSignal()
    {
        var watch = new RingWatchList();

        RingWatch.Record(watch, "cus_a", T0, threshold: 3, capacity: 100);
        var step = RingWatch.Record(watch, "cus_b", T0, threshold: 3, capacity: 100);

        Assert.True(step.Added);
        Assert.False(step.Watched);
        Assert.False(step.FirstReached);
        Assert.Empty(step.ToSignal);
    }

    [Fact]
    public void Record_ReachingTheThreshold_SignalsEveryMemberOnceAndAlertsOnce()
    {
        var watch = new RingWatchList();
        RingWatch.Record(watch, "cus_a", T0, 3, 100);
        RingWatch.Record(watch, "cus_b", T0, 3, 100);

        var third = RingWatch.Record(watch, "cus_c", T0, 3, 100);
        var fourth = RingWatch.Record(watch, "cus_d", T0, 3, 100);

        Assert.True(third.FirstReached);
        Assert.Equal(["cus_a", "cus_b", "cus_c"], third.ToSignal);
        Assert.False(fourth.FirstReached);
        Assert.True(fourth.Watched);
        Assert.Equal(["cus_d"], fourth.ToSignal);
    }

    [Fact]
    public void Record_SameMemberAgain_NotAddedNotCountedTwice()
    {
        var watch = new RingWatchList();
        RingWatch.Record(watch, "cus_a", T0, 2, 100);

        var again = RingWatch.Record(watch, "cus_a", T0.AddMinutes(1), 2, 100);

        Assert.False(again.Added);
        Assert.False(again.Watched);
        Assert.Single(watch.Members);
    }

    [Fact]
    public void Record_ExemptOwner_IsNeverSignalled()
    {
        var watch = new RingWatchList();
        RingWatch.Record(watch, "cus_owner", T0, 2, 100, exempt: "cus_owner");

        var step = RingWatch.Record(watch, "cus_b", T0, 2, 100, exempt: "cus_owner");

        Assert.Equal(["cus_b"], step.ToSignal);
    }

    [Fact]
    public void Record_MembersOlderThanTheWindow_AreForgotten()
    {
        var watch = new RingWatchList();
        RingWatch.Record(watch, "cus_a", T0, 2, 100, TimeSpan.FromHours(12));

        var step = RingWatch.Record(watch, "cus_b", T0.AddHours(13), 2, 100, TimeSpan.FromHours(12));

        Assert.False(step.Watched);
        Assert.Equal(["cus_b"], watch.Members.Select(m => m.CustomerId));
    }

    [Fact]
    public void IsWatched_CountsMembersWithinTheWindow()
    {
        var watch = new RingWatchList();
        RingWatch.Record(watch, "cus_a", T0, 2, 100, TimeSpan.FromHours(12));
        RingWatch.Record(watch, "cus_b", T0.AddHours(1), 2, 100, TimeSpan.FromHours(12));

        Assert.True(RingWatch.IsWatched(watch, T0.AddHours(2), 2, TimeSpan.FromHours(12)));
        Assert.False(RingWatch.IsWatched(watch, T0.AddHours(12), 2, TimeSpan.FromHours(12)));
    }

    [Fact]
    public void Record_Capacity_KeepsTheNewestMembers()
    {
        var watch = new RingWatchList();
        foreach (var id in new[] { "cus_a", "cus_b", "cus_c" })
        {
            RingWatch.Record(watch, id, T0, 10, capacity: 2);
        }

        Assert.Equal(["cus_b", "cus_c"], watch.Members.Select(m => m.CustomerId));
    }
}
