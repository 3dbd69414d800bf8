using Orleans.Fin.Common;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>What confirmed payments explain of the standing is kept in the risk grain's stored state.</summary>
public sealed class ExplainedStandingStateTests
{
    private readonly StateJsonSerializer _serializer = new();

    [Fact]
    public void Deserialize_StateStoredBeforeIt_NothingExplained()
    {
        var state = _serializer.Deserialize<RiskState>(BinaryData.FromString("""{"SchemaVersion":1,"Score":55,"ScoredAt":"2026-11-30T17:12:00+00:00"}"""));

        Assert.Equal(55, state.Score);
        Assert.Equal(new ExplainedStanding(), state.Explained);
    }

    [Fact]
    public void RoundTrip_KeepsWhatIsExplained()
    {
        var explained = new ExplainedStanding
        {
            Score = 57, ScoredAt = new DateTimeOffset(2026, 11, 30, 17, 12, 0, TimeSpan.Zero), AwaitingCode = "pay_2", ConfirmedPayment = "pay_1",
        };

        var back = _serializer.Deserialize<RiskState>(new BinaryData(_serializer.Serialize(new RiskState { Explained = explained }).ToArray()));

        Assert.Equal(explained, back.Explained);
    }
}
