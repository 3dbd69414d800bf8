using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>Seen event ids are kept as 64-bit digests; profiles stored with the ids themselves still read and dedupe.</summary>
public sealed class EventDigestTests
{
    // A risk state as stored while profiles kept the seen event ids as strings.
    private const string StoredWithIds = """
        {"SchemaVersion":1,"Profile":{"SchemaVersion":1,"SeenEventIds":["pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:PaymentOut","login_01M8PQ1FPKC6N0Q452MX13PFVM"],
         "Payments":[],"Logins":[],"Inflows":[]},"Score":0,"AuditCount":0}
        """;

    private readonly StateJsonSerializer _serializer = new();

    [Fact]
    public void Of_KnownInputs_GivesTheValuesProfilesAreStoredWith()
    {
        // Pinned: digests are persisted, so these may never change.
        Assert.Equal(14695981039346656037UL, EventDigest.Of(""));
        Assert.Equal(620337896427418084UL, EventDigest.Of("a"));
        Assert.Equal(13479273669920377211UL, EventDigest.Of("tr_1:PaymentOut"));
    }

    [Fact]
    public void Of_IdsDifferingOnlyInKindOrLastCharacter_Differ()
    {
        Assert.NotEqual(EventDigest.Of("pay_1:PaymentOut"), EventDigest.Of("pay_1:PaymentIn"));
        Assert.NotEqual(EventDigest.Of("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8"), EventDigest.Of("pay_01M8PQ1FMFCKEQNKN7HR2F7FC9"));
    }

    [Fact]
    public void Read_StateStoredWithIds_RemembersThemAsDigests()
    {
        var state = _serializer.Deserialize<RiskState>(BinaryData.FromString(StoredWithIds));

        Assert.Equal(
            [EventDigest.Of("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:PaymentOut"), EventDigest.Of("login_01M8PQ1FPKC6N0Q452MX13PFVM")],
            state.Profile.SeenEventDigests);
        Assert.True(BehaviourTracker.HasSeen(state.Profile, "pay_01M8PQ1FMFCKEQNKN7HR2F7FC8:PaymentOut"));
        Assert.False(BehaviourTracker.Observe(state.Profile, Login(T0, id: "login_01M8PQ1FPKC6N0Q452MX13PFVM")));
        Assert.Empty(state.Profile.Logins);
    }

    [Fact]
    public void Write_AfterReadingIds_StoresDigestsAndAnEmptyIdList()
    {
        var state = _serializer.Deserialize<RiskState>(BinaryData.FromString(StoredWithIds));

        var json = _serializer.Serialize(state).ToString();

        Assert.Contains("\"SeenEventDigests\":[288337619291438257,", json, StringComparison.Ordinal);
        Assert.Contains("\"SeenEventIds\":[]", json, StringComparison.Ordinal);
        Assert.DoesNotContain("pay_01M8PQ1FMFCKEQNKN7HR2F7FC8", json, StringComparison.Ordinal);
        var again = _serializer.Deserialize<RiskState>(BinaryData.FromString(json));
        Assert.Equal(state.Profile.SeenEventDigests, again.Profile.SeenEventDigests);
    }
}
