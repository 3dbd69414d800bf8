using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// Audit records are values with their text as UTF-8, decisions keep their features as values under shared column names:
/// the stored JSON is what the objects wrote, so states and sealed segments stored before read and write back unchanged.
/// </summary>
public sealed class CompactRiskRecordsStateTests
{
    // A sealed audit segment as stored while audit records were objects (a time in China Standard Time, a text with
    // characters outside ASCII and escapes; nulls are not written).
    private const string StoredSegment =
        """{"SchemaVersion":1,"Entries":[""" +
        """{"Sequence":65,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T09:30:00+08:00","By":"engine","Why":"Payment mov_1 of 10.50 CNY to \u4E0A\u6D77 \u0022x\u0022: no findings","ModelVersion":"fraud-v3","Score":12,"Level":0,"Decision":"Allow","AccountId":"acc_1","Reference":"mov_1"},""" +
        """{"Sequence":66,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T01:31:00+00:00","By":"staff:ana","Why":"","ModelVersion":"","CaseId":"case_1"}]}""";

    // Decisions as stored with their sampled features (two with the same columns, one without; nulls are not written).
    private const string StoredDecisions = """
        {"SchemaVersion":1,"Score":0,"AuditCount":0,"Decisions":[
         {"MovementId":"mov_1","At":"2025-03-10T09:30:00+08:00","AmountCny":100,"Stopped":false,"BaselineStopped":false,"Features":{"AmountLog":4.61,"NewPayee":1,"HourOfDay":9.5}},
         {"MovementId":"mov_2","At":"2025-03-10T09:31:00+08:00","AmountCny":200,"Stopped":true,"BaselineStopped":false,"Features":{"AmountLog":5.3,"NewPayee":0,"HourOfDay":9.52}},
         {"MovementId":"mov_3","At":"2025-03-10T09:32:00+08:00","AmountCny":300,"Stopped":false,"BaselineStopped":false,"CaseId":"case_1"}]}
        """;

    // A risk state as the previous version stored it: a payment decision kept for its label and the audit record of it,
    // both naming the movement by its platform id (the text names it too), and a staff record with neither score nor level.
    private const string StoredDecision =
        """{"MovementId":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN","At":"2025-03-10T09:30:00+08:00","AmountCny":10.50,"Stopped":false,"BaselineStopped":false}""";

    private const string StoredAuditRecords =
        """{"Sequence":65,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T09:30:00+08:00","By":"engine","Why":"Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 10.50 CNY: no findings","ModelVersion":"fraud-v3","Score":0,"Level":2,"Decision":"Allow","AccountId":"acc_1","Reference":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN"},""" +
        """{"Sequence":66,"Action":4,"CustomerId":"cus_1","At":"2025-03-10T01:31:00+00:00","By":"staff:ana","Why":"assigned","ModelVersion":"","CaseId":"case_1"}""";

    private const string StoredDecisionAndAudit =
        """{"SchemaVersion":1,"Score":0,"AuditCount":66,"SealedAuditSegments":1,"Decisions":[""" + StoredDecision + """],"Audit":[""" + StoredAuditRecords + "]}";

    private readonly StateJsonSerializer _serializer = new();

    // What a node writes while silos of an earlier version may read its states (the records as objects, as before rows).
    private readonly StateJsonSerializer _objects = new(rows: false);

    [Fact]
    public void Read_DecisionAndAuditNamingAPlatformId_HoldTheIdAsBitsAndWriteBackTheSamePayload()
    {
        var state = _serializer.Deserialize<RiskState>(BinaryData.FromString(StoredDecisionAndAudit));

        var decision = Assert.Single(state.Decisions);
        Assert.True(decision.Movement.IsPacked);
        Assert.Equal("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN", decision.MovementId);
        Assert.Equal((10.50m, new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(8))), (decision.AmountCny, decision.At));
        var audit = state.Audit[0].ToEntry().Record;
        Assert.Equal("Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 10.50 CNY: no findings", audit.Why);
        Assert.Equal(("pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN", 0, RiskLevel.High), (audit.Reference, audit.Score, audit.Level));
        var staff = state.Audit[1].ToEntry();
        Assert.Equal((66L, AuditAction.CaseAssigned, (int?)null, (RiskLevel?)null, "assigned"), (staff.Sequence, staff.Record.Action, staff.Record.Score, staff.Record.Level, staff.Record.Why));
        var json = _objects.Serialize(state).ToString();
        Assert.Contains("\"Decisions\":[" + StoredDecision + "]", json, StringComparison.Ordinal);
        Assert.Contains("\"Audit\":[" + StoredAuditRecords + "]", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(0, RiskLevel.Low)]
    [InlineData(-7, null)]
    [InlineData(int.MaxValue, RiskLevel.Medium)]
    [InlineData(null, RiskLevel.High)]
    public void From_ScoreAndLevel_ReadBackAsGiven(int? score, RiskLevel? level)
    {
        var record = new AuditRecord(AuditAction.Signal, "cus_1", DateTimeOffset.UnixEpoch, "engine", "", "", score, level, null, null, null, null);

        var back = StoredAudit.From(3, record).ToEntry().Record;

        Assert.Equal((score, level), (back.Score, back.Level));
    }

    [Fact]
    public void With_AnotherReference_KeepsTheText()
    {
        var record = new AuditRecord(
            AuditAction.Decision, "cus_1", DateTimeOffset.UnixEpoch, "engine", "Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN: no findings", "", 1, RiskLevel.Low,
            "Allow", null, null, "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN");

        var moved = StoredAudit.From(1, record) with { Reference = "dep_01JDQ4ZK8M3T6V9XW2R5B7C0HN" };

        Assert.Equal("Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN: no findings", moved.Why);
        Assert.Equal("dep_01JDQ4ZK8M3T6V9XW2R5B7C0HN", moved.Reference);
    }

    [Fact]
    public void Read_SegmentStoredAsObjects_GivesTheSameEntries()
    {
        var segment = _serializer.Deserialize<AuditSegmentState>(BinaryData.FromString(StoredSegment));

        var first = segment.Entries[0].ToEntry();
        Assert.Equal(65, first.Sequence);
        Assert.Equal("Payment mov_1 of 10.50 CNY to 上海 \"x\": no findings", first.Record.Why);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.FromHours(8)), first.Record.At);
        Assert.Equal(TimeSpan.FromHours(8), first.Record.At.Offset);
        Assert.Equal((AuditAction.Decision, "cus_1", "engine", "fraud-v3"), (first.Record.Action, first.Record.CustomerId, first.Record.By, first.Record.ModelVersion));
        Assert.Equal((12, RiskLevel.Low, "Allow", "acc_1", "mov_1"), (first.Record.Score, first.Record.Level, first.Record.Decision, first.Record.AccountId, first.Record.Reference));
        var second = segment.Entries[1].ToEntry().Record;
        Assert.Equal(("", "case_1", (int?)null, (RiskLevel?)null), (second.Why, second.CaseId, second.Score, second.Level));
    }

    [Fact]
    public void Write_SegmentStoredAsObjects_WritesTheSamePayload()
    {
        var segment = _serializer.Deserialize<AuditSegmentState>(BinaryData.FromString(StoredSegment));

        Assert.Equal(StoredSegment, _objects.Serialize(segment).ToString());
    }

    [Fact]
    public void From_AuditRecord_RoundTripsEveryField()
    {
        var at = new DateTimeOffset(2026, 12, 1, 2, 3, 4, TimeSpan.FromMinutes(-330));
        var record = new AuditRecord(AuditAction.Freeze, "cus_9", at, "staff:li", "冻结: 可疑", "m-7", 90, RiskLevel.High, "Decline", "acc_9", "case_9", "mov_9");

        Assert.Equal(new AuditEntry(7, record), StoredAudit.From(7, record).ToEntry());
    }

    [Fact]
    public void SharingWith_EqualTexts_TakesThePreviousInstancesAndKeepsTheRest()
    {
        var at = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var previous = StoredAudit.From(1, new AuditRecord(AuditAction.Decision, "cus_1", at, "engine", "first", "m-1", 1, RiskLevel.Low, "Allow", "acc_1", null, "mov_1"));
        var next = StoredAudit.From(2, new AuditRecord(
            AuditAction.Decision, new string("cus_1".AsSpan()), at, new string("engine".AsSpan()), "second", "m-2", 2, RiskLevel.Low, "Allow", new string("acc_1".AsSpan()), null, "mov_2"));

        var shared = next.SharingWith(previous);

        Assert.Same(previous.CustomerId, shared.CustomerId);
        Assert.Same(previous.By, shared.By);
        Assert.Same(previous.AccountId, shared.AccountId);
        Assert.Equal(next.ToEntry(), shared.ToEntry());
        Assert.Equal(("m-2", "second"), (shared.ModelVersion, shared.Why));
    }

    [Fact]
    public void SharingWith_SameContext_HoldsThePreviousInstance()
    {
        var at = new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
        var previous = StoredAudit.From(1, new AuditRecord(AuditAction.Decision, "cus_1", at, "engine", "first", "m-1", 1, RiskLevel.Low, "Allow", "acc_1", null, "mov_1"));
        var next = StoredAudit.From(2, new AuditRecord(
            AuditAction.Decision, new string("cus_1".AsSpan()), at, "engine", "second", "m-1", 2, RiskLevel.Low, "Allow", "acc_1", null, "mov_2"));

        var shared = next.SharingWith(previous);

        Assert.Same(previous.Context, shared.Context);
        Assert.Equal(next.ToEntry(), shared.ToEntry());
    }

    [Fact]
    public void Read_RecordsWithTheSameContext_ShareOneInstanceAndWriteBackTheSamePayload()
    {
        const string stored =
            """{"SchemaVersion":1,"Entries":[""" +
            """{"Sequence":1,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T01:30:00+00:00","By":"engine","Why":"a","ModelVersion":"m-1","Score":1,"Level":0,"Decision":"Allow","AccountId":"acc_1"},""" +
            """{"Sequence":2,"Action":5,"CustomerId":"cus_1","At":"2025-03-10T01:31:00+00:00","By":"staff:ana","Why":"b","ModelVersion":"","CaseId":"case_1"},""" +
            """{"Sequence":3,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T01:32:00+00:00","By":"engine","Why":"c","ModelVersion":"m-1","Score":2,"Level":0,"Decision":"Allow","AccountId":"acc_1"}]}""";

        var segment = _serializer.Deserialize<AuditSegmentState>(BinaryData.FromString(stored));

        Assert.Same(segment.Entries[0].Context, segment.Entries[2].Context);
        Assert.NotSame(segment.Entries[0].Context, segment.Entries[1].Context);
        Assert.Equal(("staff:ana", "case_1", (string?)null), (segment.Entries[1].By, segment.Entries[1].CaseId, segment.Entries[1].Decision));
        Assert.Equal(stored, _objects.Serialize(segment).ToString());
    }

    [Fact]
    public void Read_DecisionsStoredWithFeatureDictionaries_KeepsTheValuesUnderSharedColumns()
    {
        var state = _serializer.Deserialize<RiskState>(BinaryData.FromString(StoredDecisions));

        Assert.Equal(new Dictionary<string, double> { ["AmountLog"] = 5.3, ["NewPayee"] = 0, ["HourOfDay"] = 9.52 }, state.Decisions[1].Features);
        Assert.Equal(["AmountLog", "NewPayee", "HourOfDay"], state.Decisions[0].Features!.Keys);
        Assert.Null(state.Decisions[2].Features);
        Assert.True(state.Decisions[0].Compact!.SharesColumnsWith(state.Decisions[1].Compact!));
        var json = _objects.Serialize(state).ToString();
        Assert.Contains("""{"MovementId":"mov_2","At":"2025-03-10T09:31:00+08:00","AmountCny":200,"Stopped":true,"BaselineStopped":false,"Features":{"AmountLog":5.3,"NewPayee":0,"HourOfDay":9.52}}""", json, StringComparison.Ordinal);
        Assert.Contains("""{"MovementId":"mov_3","At":"2025-03-10T09:32:00+08:00","AmountCny":300,"Stopped":false,"BaselineStopped":false,"CaseId":"case_1"}""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Remember_RepeatedMovement_KeepsTheFirstFeatures()
    {
        List<DecisionRecord> decisions = [];
        DecisionLabels.Remember(decisions, new DecisionRecord { MovementId = "m1", Features = new() { ["A"] = 1 } }, 10);

        DecisionLabels.Remember(decisions, new DecisionRecord { MovementId = "m1", Stopped = true, Features = new() { ["A"] = 2 } }, 10);
        DecisionLabels.Remember(decisions, new DecisionRecord { MovementId = "m1" }, 10);

        Assert.Equal(new Dictionary<string, double> { ["A"] = 1 }, Assert.Single(decisions).Features);
    }
}
