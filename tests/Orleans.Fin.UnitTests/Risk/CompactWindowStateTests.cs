using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// The 24 h windows keep compact values (event ids as digests, times as UTC ticks), and devices, payees, places and the
/// amount history keep their first and last events as digests; a risk state stored with the event ids reads into them and
/// the rules still tell one event and one movement from another.
/// </summary>
public sealed class CompactWindowStateTests
{
    // A risk state as stored while window records were objects carrying their event ids (times in China Standard Time).
    private const string StoredWithEventIds = """
        {"SchemaVersion":1,"Profile":{"SchemaVersion":1,"SeenEventDigests":[],"SeenEventIds":[],
         "FirstEventAt":"2025-03-10T09:20:00+08:00","LastEventAt":"2025-03-10T09:50:00+08:00",
         "Payments":[
          {"EventId":"mov_1:challenged:1","At":"2025-03-10T09:40:00+08:00","Amount":6000,"Currency":"CNY","AmountCny":6000,
           "PayeeAccountId":"acc_a","DeviceId":"dev_home","Country":"CN","City":"Shanghai","Withdrawal":false,"Declined":true,"NewPayee":true,"NewDevice":false},
          {"EventId":"mov_2:PaymentOut","At":"2025-03-10T09:50:00+08:00","Amount":100,"Currency":"USD","AmountCny":710.00,
           "PayeeAccountId":"acc_b","DeviceId":"dev_home","Country":"CN","City":"Beijing","Withdrawal":false,"Declined":false,"NewPayee":true,"NewDevice":false}],
         "Logins":[
          {"EventId":"evt_1","At":"2025-03-10T09:30:00+08:00","DeviceId":"dev_home","Ip":"10.0.0.1","Country":"CN","City":"Shanghai","NewDevice":true}],
         "Inflows":[
          {"EventId":"mov_3:PaymentIn","At":"2025-03-10T09:20:00+08:00","AmountCny":5000,"CounterpartyAccountId":"acc_employer"}],
         "Devices":[{"DeviceId":"dev_home","FirstSeen":"2025-03-10T09:30:00+08:00","LastSeen":"2025-03-10T09:50:00+08:00","FirstEventId":"evt_1","Uses":3}],
         "Payees":[{"AccountId":"acc_b","FirstPaid":"2025-03-10T09:50:00+08:00","LastPaid":"2025-03-10T09:50:00+08:00",
           "FirstEventId":"mov_2:PaymentOut","LastEventId":"mov_2:PaymentOut","Payments":1}],
         "Places":[
          {"Country":"CN","City":"Shanghai","FirstSeen":"2025-03-10T09:30:00+08:00","LastSeen":"2025-03-10T09:40:00+08:00",
           "FirstEventId":"evt_1","LastEventId":"mov_1:challenged:1","Visits":2},
          {"Country":"CN","City":"Beijing","FirstSeen":"2025-03-10T09:50:00+08:00","LastSeen":"2025-03-10T09:50:00+08:00",
           "FirstEventId":"mov_2:PaymentOut","LastEventId":"mov_2:PaymentOut","Visits":1}],
         "Amounts":{"Count":1,"MeanLog":6.565,"VarianceLog":0,"MaxCny":710.00,"LastEventId":"mov_2:PaymentOut",
           "PreviousCount":0,"PreviousMeanLog":0,"PreviousVarianceLog":0,"PreviousMaxCny":0},
         "PaymentHours":[]},
         "Score":0,"AuditCount":0}
        """;

    private readonly StateJsonSerializer _serializer = new();

    [Fact]
    public void Read_WindowsStoredWithEventIds_KeepsEveryFieldTheRulesRead()
    {
        var profile = Read(StoredWithEventIds).Profile;

        Assert.Equal([EventKey.Of("mov_1:challenged:1"), EventKey.Of("mov_2:PaymentOut")], profile.Payments.Select(p => p.Event));
        var second = profile.Payments[1];
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 1, 50, 0, TimeSpan.Zero), second.At);
        Assert.Equal(100m, second.Amount);
        Assert.Equal("USD", second.Currency);
        Assert.Equal(710.00m, second.AmountCny);
        Assert.Equal("acc_b", second.PayeeAccountId);
        Assert.Equal("Beijing", second.City);
        Assert.True(second.NewPayee);
        Assert.False(second.Declined);
        Assert.True(profile.Payments[0].Declined);
        var login = Assert.Single(profile.Logins);
        Assert.Equal(EventKey.Of("evt_1"), login.Event);
        Assert.Equal(T0.AddMinutes(-30), login.At);
        Assert.Equal(("dev_home", "10.0.0.1", "Shanghai", true), (login.DeviceId, login.Ip, login.City, login.NewDevice));
        var inflow = Assert.Single(profile.Inflows);
        Assert.Equal(EventKey.Of("mov_3:PaymentIn"), inflow.Event);
        Assert.Equal((5000m, "acc_employer"), (inflow.AmountCny, inflow.CounterpartyAccountId));
    }

    [Fact]
    public void Read_WindowsStoredWithEventIds_StillTellsTheEventBeingScoredFromItsHistory()
    {
        var profile = Read(StoredWithEventIds).Profile;

        // Read as before movement 2 the latest sighting is movement 1's attempt in Shanghai; as before movement 1, it is movement 2 in Beijing.
        Assert.Equal(("Shanghai", T0.AddMinutes(-20)), ProfileQueries.LastPlaceBefore(profile, T0, EventMatch.Of("mov_2")));
        Assert.Equal(("Beijing", T0.AddMinutes(-10)), ProfileQueries.LastPlaceBefore(profile, T0, EventMatch.Of("mov_1")));
        Assert.Equal(("Beijing", T0.AddMinutes(-10)), ProfileQueries.LastPlaceBefore(profile, T0, EventMatch.Of("mov_1:challenged:1")));
        Assert.Equal(("Shanghai", T0.AddMinutes(-20)), ProfileQueries.LastPlaceBefore(profile, T0, EventMatch.Of("mov_2:PaymentOut")));
        Assert.Equal(("Shanghai", T0.AddMinutes(-30)), ProfileQueries.LastPlaceBefore(profile, T0, EventMatch.Of("mov_2"), EventMatch.Of("mov_1")));
    }

    [Fact]
    public void Read_SightingsStoredWithEventIds_StillTellTheirFirstAndLastEvents()
    {
        var profile = Read(StoredWithEventIds).Profile;

        Assert.Equal(0, ProfileQueries.PaymentsToPayeeBefore(profile, "acc_b", EventMatch.Of("mov_2")));
        Assert.Equal(1, ProfileQueries.PaymentsToPayeeBefore(profile, "acc_b", EventMatch.Of("mov_9")));
        Assert.Null(ProfileQueries.KnownDeviceBefore(profile, "dev_home", EventMatch.Of("evt_1")));
        Assert.Equal(3, ProfileQueries.KnownDeviceBefore(profile, "dev_home", EventMatch.Of("mov_2"))!.Uses);
        Assert.False(ProfileQueries.KnownPlaceBefore(profile, "Beijing", EventMatch.Of("mov_2:PaymentOut")));
        Assert.True(ProfileQueries.KnownPlaceBefore(profile, "Beijing", EventMatch.Of("mov_1")));
        Assert.Equal(0, ProfileQueries.AmountsBefore(profile, EventMatch.Of("mov_2")).Count);
        Assert.Equal(1, ProfileQueries.AmountsBefore(profile, EventMatch.Of("mov_1")).Count);
    }

    [Fact]
    public void Observe_CompletionOfAMovementStoredWithItsId_ReplacesTheStoredAttempt()
    {
        var profile = Read(StoredWithEventIds).Profile;

        Assert.True(BehaviourTracker.Observe(profile, Payment(T0.AddMinutes(-5), 6_000m, "acc_a", id: "mov_1:PaymentOut")));

        Assert.Equal([EventKey.Of("mov_2:PaymentOut"), EventKey.Of("mov_1:PaymentOut")], profile.Payments.Select(p => p.Event));
        Assert.False(profile.Payments[1].Declined);
    }

    [Fact]
    public void Write_AfterReadingEventIds_StoresDigestsAndReadsBackTheSame()
    {
        var state = Read(StoredWithEventIds);

        var json = _serializer.Serialize(state).ToString();

        Assert.DoesNotContain("mov_2:PaymentOut", json, StringComparison.Ordinal);
        Assert.DoesNotContain("evt_1", json, StringComparison.Ordinal);
        Assert.DoesNotContain("mov_1:challenged:1", json, StringComparison.Ordinal);
        Assert.Contains($"\"Logins\":[{{\"Event\":{{\"Id\":{EventDigest.Of("evt_1")},\"Movement\":{EventDigest.Of("evt_1")}}},\"EventId\":\"\",", json, StringComparison.Ordinal);
        var again = Read(json);
        Assert.Equal(state.Profile.Payments, again.Profile.Payments);
        Assert.Equal(state.Profile.Logins, again.Profile.Logins);
        Assert.Equal(state.Profile.Inflows, again.Profile.Inflows);
        Assert.Equal(state.Profile.Places.Select(p => (p.FirstEvent, p.LastEvent)), again.Profile.Places.Select(p => (p.FirstEvent, p.LastEvent)));
        Assert.Equal(EventKey.Of("mov_2:PaymentOut"), again.Profile.Amounts.LastEvent);
    }

    private RiskState Read(string json) => _serializer.Deserialize<RiskState>(BinaryData.FromString(json));
}
