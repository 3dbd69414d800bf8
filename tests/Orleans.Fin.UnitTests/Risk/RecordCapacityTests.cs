using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// The risk state's record lists keep no doubling slack: read back they hold exactly their records, and a full list grows
/// by an eighth (at least one) up to its bound, so an active customer's appends neither double the array again nor, past
/// a short list, reallocate on every append.
/// </summary>
public sealed class RecordCapacityTests
{
    [Theory]
    [InlineData(0, 200, 1)]
    [InlineData(3, 100, 4)]
    [InlineData(20, 200, 22)]
    [InlineData(80, 200, 90)]
    [InlineData(198, 200, 200)]
    [InlineData(64, 64, 72)]
    public void A_full_list_grows_by_an_eighth_up_to_its_bound(int count, int bound, int expected) =>
        Assert.Equal(expected, RecordCapacity.Grow(count, bound));

    [Fact]
    public void Appending_to_the_bound_reallocates_a_bounded_number_of_times_and_ends_at_the_bound()
    {
        var records = new List<int>();
        var reallocations = 0;
        for (var i = 0; i < BehaviourLimits.MaxPayments; i++)
        {
            var before = records.Capacity;
            RecordCapacity.EnsureRoom(records, BehaviourLimits.MaxPayments);
            reallocations += records.Capacity != before ? 1 : 0;
            records.Add(i);
            Assert.True(records.Capacity - records.Count <= Math.Max(RecordCapacity.MinStep, records.Count / 8));
        }

        Assert.Equal(BehaviourLimits.MaxPayments, records.Capacity);
        Assert.InRange(reallocations, 30, 45);
    }

    [Fact]
    public void A_list_with_room_is_left_alone()
    {
        var records = new List<int>(10) { 1, 2 };
        RecordCapacity.EnsureRoom(records, 200);
        Assert.Equal(10, records.Capacity);
    }

    [Fact]
    public void A_risk_state_read_from_storage_keeps_no_spare_slots_and_writes_back_the_same_json()
    {
        var state = new RiskState();
        var at = new DateTimeOffset(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 20; i++)
        {
            state.Profile.Payments.Add(new PaymentRecord { At = at.AddMinutes(i), Amount = 10 + i, Currency = "CNY", AmountCny = 10 + i });
            state.Profile.Logins.Add(new LoginRecord { At = at.AddMinutes(i), DeviceId = "dev_home" });
            state.Profile.SeenEventDigests.Add((ulong)i);
            state.Decisions.Add(new DecisionRecord { MovementId = $"mov_{i}", At = at.AddMinutes(i), AmountCny = 10 + i });
        }

        state.Profile.PaymentHours.AddRange(new int[24]);
        state.Profile.Places.Add(new PlaceRecord { City = "Shanghai", FirstSeen = at, LastSeen = at });

        var serializer = new StateJsonSerializer();
        var json = serializer.Serialize(state).ToString();
        var read = serializer.Deserialize<RiskState>(BinaryData.FromString(json));

        Assert.Equal(20, read.Profile.Payments.Count);
        Assert.Equal(20, read.Profile.Payments.Capacity);
        Assert.Equal(20, read.Profile.Logins.Capacity);
        Assert.Equal(20, read.Profile.SeenEventDigests.Capacity);
        Assert.Equal(20, read.Decisions.Capacity);
        Assert.Equal(24, read.Profile.PaymentHours.Capacity);
        Assert.Equal(1, read.Profile.Places.Capacity);
        Assert.Equal(0, read.Audit.Capacity);
        Assert.Equal(json, serializer.Serialize(read).ToString());
    }

    [Fact]
    public void A_short_list_read_back_takes_one_more_record_without_a_spare_slot()
    {
        var profile = new BehaviourProfile();
        var at = new DateTimeOffset(2025, 3, 10, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 3; i++)
        {
            BehaviourTracker.Observe(profile, RiskData.Login(at.AddMinutes(i)));
        }

        var serializer = new StateJsonSerializer();
        var read = serializer.Deserialize<BehaviourProfile>(serializer.Serialize(profile));
        BehaviourTracker.Observe(read, RiskData.Login(at.AddMinutes(3)));

        Assert.Equal((4, 4), (read.Logins.Count, read.Logins.Capacity));
        Assert.Equal((4, 4), (read.SeenEventDigests.Count, read.SeenEventDigests.Capacity));
    }

    [Fact]
    public void A_state_with_nothing_explained_shares_one_instance()
    {
        var serializer = new StateJsonSerializer();
        var json = serializer.Serialize(new RiskState());

        Assert.Same(ExplainedStanding.None, serializer.Deserialize<RiskState>(json).Explained);
        Assert.Same(ExplainedStanding.None, new RiskState().Explained);
    }
}
