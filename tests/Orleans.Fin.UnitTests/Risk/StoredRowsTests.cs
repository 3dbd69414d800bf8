using System.Text.Json;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Fin.TestSupport;
using static Orleans.Fin.UnitTests.Risk.RiskData;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// The risk state's window of payments and money in, its payees and its decisions are stored as rows; a state stored
/// as objects (before rows, or by a node told to write objects during a rolling upgrade) reads as it did, and whatever a
/// state holds reads back the same from rows. "The same" is checked by writing both states as objects, byte for byte.
/// </summary>
public sealed class StoredRowsTests
{
    private const string Payment = "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN";

    private readonly StateJsonSerializer _rows = new();
    private readonly StateJsonSerializer _objects = new(rows: false);

    [Fact]
    public void Serialize_Payment_WritesTheRowItsConverterDocuments()
    {
        var state = new RiskState();
        state.Profile.Payments.Add(new PaymentRecord
        {
            Event = new EventKey { Id = 7, Movement = 8 },
            At = new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(8)),
            Amount = 100m,
            Currency = "USD",
            AmountCny = 710.00m,
            PayeeAccountId = "acc_b",
            City = "上海",
            Declined = true,
            NewDevice = true,
        });

        var json = _rows.Serialize(state).ToString();

        Assert.Contains("""
            "Payments":[[7,8,"2025-03-10T01:30:00Z",100,"USD",710.00,"acc_b",null,null,"\u4E0A\u6D77",10]]
            """, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_DecisionAwaitingItsLabel_WritesTheRowItsConverterDocuments()
    {
        var state = new RiskState();
        state.Decisions.Add(new DecisionRecord
        {
            MovementId = Payment, At = T0, AmountCny = 10.50m, BaselineStopped = true, CaseId = "case_1", Features = new() { ["AmountLog"] = 2.5 },
        });
        state.Decisions.Add(new DecisionRecord { MovementId = "mov_2", At = T0, AmountCny = 3m, Stopped = true });

        var json = _rows.Serialize(state).ToString();

        Assert.Contains(
            "\"Decisions\":[[\"" + Payment + "\",\"2025-03-10T10:00:00+08:00\",10.50,2,\"case_1\",{\"AmountLog\":2.5}],"
            + "[\"mov_2\",\"2025-03-10T10:00:00+08:00\",3,1,null,null]]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_AuditRecords_WriteTheRowsTheirConverterDocuments()
    {
        var state = new RiskState();
        state.Audit.Add(StoredAudit.From(65, new AuditRecord(
            AuditAction.Decision, "cus_1", T0, "engine", $"Payment {Payment} of 10.50 CNY: no findings", "fraud-v3", 0, RiskLevel.High, "Allow", "acc_1", null, Payment)));
        state.Audit.Add(StoredAudit.From(66, new AuditRecord(AuditAction.CaseAssigned, "cus_1", T0, "staff:ana", "assigned", "", CaseId: "case_1")));

        var json = _rows.Serialize(state).ToString();

        Assert.Contains(
            "\"Audit\":[[65,0,\"cus_1\",\"2025-03-10T10:00:00+08:00\",\"engine\",\"Payment " + Payment + " of 10.50 CNY: no findings\",\"fraud-v3\",0,2,\"Allow\",\"acc_1\",null,\"" + Payment + "\"],"
            + "[66,4,\"cus_1\",\"2025-03-10T10:00:00+08:00\",\"staff:ana\",\"assigned\",\"\",null,null,null,null,\"case_1\",null]]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_SealedSegmentWrittenAsRows_HoldsEveryRecord()
    {
        var segment = new AuditSegmentState();
        segment.Entries.AddRange(BusyState().Audit);

        var back = _rows.Deserialize<AuditSegmentState>(_rows.Serialize(segment));

        Assert.Equal(_objects.Serialize(segment).ToString(), _objects.Serialize(back).ToString());
        Assert.Equal(segment.Entries.Select(e => e.ToEntry()), back.Entries.Select(e => e.ToEntry()));
    }

    [Fact]
    public void Deserialize_StateWrittenAsRows_HoldsWhatWasWritten()
    {
        var state = BusyState();

        var back = _rows.Deserialize<RiskState>(_rows.Serialize(state));

        Assert.Equal(_objects.Serialize(state).ToString(), _objects.Serialize(back).ToString());
        Assert.Equal(state.Profile.Payments, back.Profile.Payments);
        Assert.Equal(state.Profile.Inflows, back.Profile.Inflows);
        Assert.Equal(state.Decisions.Select(d => d.Movement), back.Decisions.Select(d => d.Movement));
    }

    [Fact]
    public void Deserialize_StateWrittenAsObjects_ReadsAsBeforeRows()
    {
        var state = BusyState();
        var objects = _objects.Serialize(state).ToString();

        var back = _rows.Deserialize<RiskState>(BinaryData.FromString(objects));

        Assert.Contains("\"Payments\":[{\"Event\":", objects, StringComparison.Ordinal);
        Assert.Equal(objects, _objects.Serialize(back).ToString());
    }

    [Fact]
    public void Deserialize_RecordsOfTheLessCommonKinds_RoundTripEveryValue()
    {
        var state = new RiskState();
        state.Profile.Payments.Add(new PaymentRecord { At = T0, Amount = 10.5m, Currency = "CNY", AmountCny = 10.50m, Withdrawal = true, NewPayee = true });
        state.Profile.Payments.Add(new PaymentRecord { At = T0, Amount = 0m, Currency = null!, AmountCny = 0m });
        state.Profile.Inflows.Add(new InflowRecord { Event = new EventKey { Id = ulong.MaxValue, Movement = 1 }, At = T0, AmountCny = 0.01m });
        state.Profile.Payees.Add(new PayeeRecord
        {
            AccountId = "acc_x", FirstPaid = T0, LastPaid = T0.ToOffset(TimeSpan.FromHours(-5)), FirstEvent = new EventKey { Id = 1, Movement = 2 }, Payments = 3,
        });
        state.Decisions.Add(new DecisionRecord { MovementId = "", At = T0.ToOffset(TimeSpan.FromMinutes(345)), AmountCny = -1.000m });

        var back = _rows.Deserialize<RiskState>(_rows.Serialize(state));

        Assert.Equal(_objects.Serialize(state).ToString(), _objects.Serialize(back).ToString());
        Assert.Equal(10.50m.ToString(System.Globalization.CultureInfo.InvariantCulture), back.Profile.Payments[0].AmountCny.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.FromHours(-5), back.Profile.Payees[0].LastPaid.Offset);
    }

    [Fact]
    public void Deserialize_RowWithValuesAppendedByALaterVersion_ReadsTheValuesItKnows()
    {
        var stored = """{"Profile":{"Inflows":[[5,6,"2025-03-10T02:00:00Z",12.5,"acc_a","later",{"x":[1]}]]},"Score":3}""";

        var state = _rows.Deserialize<RiskState>(BinaryData.FromString(stored));

        var inflow = Assert.Single(state.Profile.Inflows);
        Assert.Equal((new EventKey { Id = 5, Movement = 6 }, 12.5m, "acc_a"), (inflow.Event, inflow.AmountCny, inflow.CounterpartyAccountId));
        Assert.Equal(T0, inflow.At);
        Assert.Equal(3, state.Score);
    }

    [Theory]
    [InlineData("""{"Profile":{"Inflows":[[5,6,"2025-03-10T02:00:00Z",12.5]]}}""")]
    [InlineData("""{"Profile":{"Inflows":["acc_a"]}}""")]
    [InlineData("""{"Decisions":[["mov_1","2025-03-10T02:00:00Z",1,0,null]]}""")]
    public void Deserialize_RowShorterThanItsValuesOrNotARow_Throws(string stored)
    {
        Assert.ThrowsAny<JsonException>(() => _rows.Deserialize<RiskState>(BinaryData.FromString(stored)));
    }

    [Fact]
    public void Serialize_BusyState_TakesUnderTwoThirdsOfTheObjectForm()
    {
        var state = BusyState();

        var rows = _rows.Serialize(state).ToMemory().Length;
        var objects = _objects.Serialize(state).ToMemory().Length;

        Assert.True(rows < objects * 2 / 3, $"rows {rows} B, objects {objects} B");
    }

    private static RiskState BusyState()
    {
        var state = BusyRiskState.Build(T0);
        Assert.Equal((60, 50, 40, 60, 60), (state.Profile.Payments.Count, state.Profile.Inflows.Count, state.Profile.Payees.Count, state.Decisions.Count, state.Audit.Count));
        return state;
    }
}
