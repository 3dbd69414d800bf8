using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Customers;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// An audit record is written from its held form (the reference from its bits, the text decoded into a buffer) and must
/// write exactly what the record wrote as a class with string members: <see cref="AuditShape"/> is that class, written by
/// Orleans' own serializer. Odd texts and references included.
/// </summary>
public sealed class StoredAuditJsonTests
{
    private const string Movement = "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN";

    private static readonly DateTimeOffset At = new(2025, 3, 10, 9, 30, 0, 125, TimeSpan.FromHours(8));

    private readonly StateJsonSerializer _serializer = new();
    private readonly SystemTextJsonGrainStorageSerializer _orleans = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    public static TheoryData<string?, string?> Texts => new()
    {
        { "Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 10.50 CNY: no findings", Movement },
        { "付款 pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN 给 上海 \"x\" <b>&'", Movement },
        { "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN twice: pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN", Movement },
        { "emoji \U0001F600 and a tab\tand a newline\n and \u007f \u2028 \\ /", Movement },
        { "", Movement },
        { null, Movement },
        { "Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN of 10.50 CNY: no findings", null },
        { "no reference", "" },
        { "Payment pay_01jdq4zk8m3t6v9xw2r5b7c0hn of 1 CNY", "pay_01jdq4zk8m3t6v9xw2r5b7c0hn" }, // lower case: not packed
        { "Payment pay_81JDQ4ZK8M3T6V9XW2R5B7C0HN", "pay_81JDQ4ZK8M3T6V9XW2R5B7C0HN" }, // past 128 bits: not packed
        { "Login from device dev_1 in Shanghai, CN: no findings", "evt_1:Login" },
        { "Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN:PaymentOut of 5 CNY to acc_2 (Completed): x", "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN:PaymentOut" },
        { "参考 参考", "参考" }, // a reference outside ASCII stays in the text
        { new string('x', 700) + " " + Movement + " " + new string('é', 300), Movement }, // past the stack buffer
        { "long " + new string('r', 600), new string('r', 600) },
        { "Payment  of : no findings CNY Deposit  to  from Incoming payment Login from device ", Movement },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Write_OddTextsAndReferences_WritesWhatTheClassWrote(string? why, string? reference)
    {
        var shape = Shape(why, reference);

        var json = _serializer.Serialize(ToStored(shape)).ToString();

        Assert.Equal(_orleans.Serialize(shape).ToString(), json);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Read_WhatTheClassWrote_WritesItBackByteForByte(string? why, string? reference)
    {
        var stored = _orleans.Serialize(Shape(why, reference));

        var read = _serializer.Deserialize<StoredAudit>(stored);

        Assert.Equal(stored.ToArray(), _serializer.Serialize(read).ToArray());
        Assert.Equal((why ?? "", reference), (read.Why, read.Reference));
    }

    [Fact]
    public void Write_NoContextScoreOrLevel_LeavesOutTheNulls()
    {
        var shape = new AuditShape { Sequence = 9, Action = AuditAction.Signal, At = At, Why = "x" };
        var stored = new StoredAudit { Sequence = 9, Action = AuditAction.Signal, At = At, Why = "x" };

        var json = _serializer.Serialize(stored).ToString();

        Assert.Equal("""{"Sequence":9,"Action":6,"At":"2025-03-10T09:30:00.125+08:00","Why":"x"}""", json);
        Assert.Equal(_orleans.Serialize(shape).ToString(), json);
    }

    [Fact]
    public void Read_ReferenceBeforeTextAndUnknownMembers_ReadsTheSameRecord()
    {
        const string reordered = """
            {"Reference":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN","Extra":{"a":[1,2]},"Why":"Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN: x",
             "Level":null,"Score":7,"At":"2025-03-10T09:30:00+08:00","Action":0,"Sequence":3,"CustomerId":"cus_1","By":"engine","ModelVersion":"m"}
            """;

        var read = _serializer.Deserialize<StoredAudit>(BinaryData.FromString(reordered));

        Assert.Equal(
            """{"Sequence":3,"Action":0,"CustomerId":"cus_1","At":"2025-03-10T09:30:00+08:00","By":"engine","Why":"Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN: x","ModelVersion":"m","Score":7,"Reference":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN"}""",
            _serializer.Serialize(read).ToString());
        Assert.True(read.HeldReference.IsPacked);
        Assert.Equal(AuditText.Encode("Payment pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN: x", Movement), read.HeldWhy.ToArray());
    }

    [Fact]
    public void From_Record_EncodesTheTextAgainstItsReference()
    {
        var record = new AuditRecord(
            AuditAction.Decision, "cus_1", At, "engine", $"Payment {Movement} of 10.50 CNY: no findings", "m", 1, RiskLevel.Low, "Allow", "acc_1", null, Movement);

        var stored = StoredAudit.From(1, record);

        // "Payment ", the id, " of ", "10.50", " CNY", ": no findings"
        Assert.Equal(10, stored.HeldWhy.Length);
        Assert.Equal(record, stored.ToEntry().Record);
    }

    private static AuditShape Shape(string? why, string? reference) => new()
    {
        Sequence = 65, Action = AuditAction.Decision, CustomerId = "cus_1", At = At, By = "engine", Why = why ?? "", ModelVersion = "fraud-v3",
        Score = 12, Level = RiskLevel.Medium, Decision = "Allow", AccountId = "acc_1", CaseId = "case_1", Reference = reference,
    };

    private static StoredAudit ToStored(AuditShape s) => StoredAudit.From(
        s.Sequence, new AuditRecord(s.Action, s.CustomerId!, s.At, s.By!, s.Why, s.ModelVersion!, s.Score, s.Level, s.Decision, s.AccountId, s.CaseId, s.Reference));

    /// <summary>An audit record as it was stored when it was a class: its members, in their order.</summary>
    private sealed class AuditShape
    {
        public long Sequence { get; set; }
        public AuditAction Action { get; set; }
        public string? CustomerId { get; set; }
        public DateTimeOffset At { get; set; }
        public string? By { get; set; }
        public string Why { get; set; } = "";
        public string? ModelVersion { get; set; }
        public int? Score { get; set; }
        public RiskLevel? Level { get; set; }
        public string? Decision { get; set; }
        public string? AccountId { get; set; }
        public string? CaseId { get; set; }
        public string? Reference { get; set; }
    }
}
