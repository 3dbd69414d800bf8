using System.Text;
using Orleans.Fin.Risk;
using Orleans.Fin.Silo.Hosting;
using Orleans.Fin.TestSupport;

namespace Orleans.Fin.PostgresTests.RiskParts;

/// <summary>
/// fin_risk_state_part (deploy/sql/040-risk-parts.sql), the one place the risk payload is parsed: the part a payload
/// refers to, "" for none, NULL ("unknown", which keeps every part of the grain) when that cannot be told.
/// </summary>
public sealed class RiskStatePartTests
{
    private const string Unknown = "<unknown>";

    [Theory]
    [InlineData("""{"SchemaVersion":1,"Parts":{"Id":"p1","Payments":[0,3,1]}}""", "p1")]
    [InlineData("""{"\u0050arts":{"\u0049d":"p\u0031"}}""", "p1")] // escaped names are the same names to System.Text.Json
    [InlineData("""{"SchemaVersion":1,"Score":3}""", "")]
    [InlineData("""{"Parts":null}""", "")]
    [InlineData("""{"parts":{"Id":"p1"}}""", Unknown)] // a reader ignoring case would take it
    [InlineData("""{"Parts":{"id":"p1"}}""", Unknown)]
    [InlineData("""{"Parts":{"Id":""}}""", Unknown)]
    [InlineData("""{"Parts":{"Id":5}}""", Unknown)]
    [InlineData("""{"Parts":["p1"]}""", Unknown)]
    [InlineData("""{"Parts":{"Id":"p\u0000"}}""", Unknown)] // valid JSON that PostgreSQL text cannot hold
    [InlineData("""[{"Parts":{"Id":"p1"}}]""", Unknown)]
    [InlineData("""{"Parts":{"Id":"p1"}""", Unknown)] // cut short
    public async Task StatePart_Payload_ReadsThePartItRefersTo(string payload, string expected) =>
        Assert.Equal(expected, await PartAsync(Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public async Task StatePart_BytesThatAreNotUtf8_Unknown() =>
        Assert.Equal(Unknown, await PartAsync([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]));

    [Fact]
    public async Task StatePart_StateWrittenByTheStorageSerializer_ReadsItsPart()
    {
        var serializer = SiloHostingExtensions.StorageSerializer();
        var inParts = BusyRiskState.Build(DateTimeOffset.UtcNow);
        inParts.Parts = new RiskWindowParts { Id = "0f3c9e", Payments = [0, 60, 0] };

        Assert.Equal("0f3c9e", await PartAsync(serializer.Serialize(inParts).ToArray()));
        Assert.Equal("", await PartAsync(serializer.Serialize(BusyRiskState.Build(DateTimeOffset.UtcNow)).ToArray()));
    }

    private static Task<string> PartAsync(byte[] payload) =>
        PostgresDatabase.ScalarAsync<string>("SELECT coalesce(fin_risk_state_part(@p), @unknown)", ("p", payload), ("unknown", Unknown));
}
