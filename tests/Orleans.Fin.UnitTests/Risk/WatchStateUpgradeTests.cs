using Newtonsoft.Json;
using Orleans.Fin.Risk;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>Watch states stored by version 1 (plain lists, as the grain storage's JSON holds them) upgrade on first use.</summary>
public sealed class WatchStateUpgradeTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void DeviceIndexState_Version1_MovesItsListsIntoTheWatch()
    {
        var state = JsonConvert.DeserializeObject<DeviceIndexState>(
            """{"SchemaVersion":1,"Customers":["cus_a","cus_b","cus_c"],"Signalled":["cus_a","cus_b","cus_c"],"Alerted":true}""")!;

        state.Upgrade(At);

        Assert.Equal(2, state.SchemaVersion);
        Assert.Equal(["cus_a", "cus_b", "cus_c"], state.Watch.Members.Select(m => m.CustomerId));
        Assert.All(state.Watch.Members, m => Assert.Equal(At, m.At));
        Assert.Equal(["cus_a", "cus_b", "cus_c"], state.Watch.Signalled);
        Assert.True(state.Watch.Reached);
        Assert.Empty(state.Customers);
    }

    [Fact]
    public void PayeeWatchState_Version1_KeepsTheOwnerSignalledAsAMule()
    {
        var state = JsonConvert.DeserializeObject<PayeeWatchState>(
            """{"SchemaVersion":1,"OwnerCustomerId":"cus_o","FlaggedSenders":["cus_a","cus_b","cus_c"],"Signalled":["cus_a"],"OwnerSignalled":true}""")!;

        state.Upgrade(At);

        Assert.Equal(2, state.SchemaVersion);
        Assert.Equal(3, state.Flagged.Members.Count);
        Assert.Equal(["cus_a"], state.Flagged.Signalled);
        Assert.True(state.Flagged.Reached);
        Assert.Equal([nameof(RingSignalKind.MuleAccount)], state.OwnerSignals);
        Assert.Empty(state.Risky.Members);
    }

    [Fact]
    public void DeviceIndexState_Version2_IsLeftAsItIs()
    {
        var state = new DeviceIndexState { Customers = ["cus_stale"] };
        state.Watch.Members.Add(new() { CustomerId = "cus_a", At = At.AddDays(-1) });

        state.Upgrade(At);

        Assert.Equal("cus_a", Assert.Single(state.Watch.Members).CustomerId);
    }
}
