using Microsoft.Extensions.Options;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Fin.UnitTests.Risk;

/// <summary>
/// A payment decision is written from its held form (the movement id from its bits, the features from their columns) and
/// must write exactly what the record wrote as a class with a string id and a dictionary: <see cref="DecisionShape"/> is
/// that class, written by Orleans' own serializer.
/// </summary>
public sealed class DecisionRecordJsonTests
{
    private readonly StateJsonSerializer _serializer = new();
    private readonly SystemTextJsonGrainStorageSerializer _orleans = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    public static TheoryData<string, string?, bool> Decisions => new()
    {
        { "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN", null, false },
        { "pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN", "case_01JDQ4ZK8M3T6V9XW2R5B7C0HN", true },
        { "case_7ZZZZZZZZZZZZZZZZZZZZZZZZZ", "case_1", false },
        { "pay_01jdq4zk8m3t6v9xw2r5b7c0hn", null, true }, // lower case: not packed
        { "mov_1", "\"案件\"", true },
        { "", null, false },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Write_Decision_WritesWhatTheClassWrote(string movementId, string? caseId, bool sampled)
    {
        var shape = Shape(movementId, caseId, sampled);
        var record = new DecisionRecord
        {
            MovementId = shape.MovementId, At = shape.At, AmountCny = shape.AmountCny, Stopped = shape.Stopped,
            BaselineStopped = shape.BaselineStopped, CaseId = shape.CaseId, Features = shape.Features,
        };

        Assert.Equal(_orleans.Serialize(shape).ToString(), _serializer.Serialize(record).ToString());
    }

    [Theory]
    [MemberData(nameof(Decisions))]
    public void Read_WhatTheClassWrote_WritesItBackByteForByte(string movementId, string? caseId, bool sampled)
    {
        var shape = Shape(movementId, caseId, sampled);
        var stored = _orleans.Serialize(shape);

        var read = _serializer.Deserialize<DecisionRecord>(stored);

        Assert.Equal(stored.ToArray(), _serializer.Serialize(read).ToArray());
        Assert.Equal((movementId, caseId, shape.AmountCny, shape.At), (read.MovementId, read.CaseId, read.AmountCny, read.At));
        Assert.Equal(shape.Features, read.Features);
    }

    [Fact]
    public void Read_MembersInAnotherOrderAndUnknownOnes_ReadsTheSameDecision()
    {
        const string stored = """
            {"Features":{"B":2,"A":1},"CaseId":null,"Extra":[{"x":1}],"BaselineStopped":true,"Stopped":true,"AmountCny":10.50,
             "At":"2025-03-10T09:30:00+08:00","MovementId":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN"}
            """;

        var read = _serializer.Deserialize<DecisionRecord>(BinaryData.FromString(stored));

        Assert.Equal(
            """{"MovementId":"pay_01JDQ4ZK8M3T6V9XW2R5B7C0HN","At":"2025-03-10T09:30:00+08:00","AmountCny":10.50,"Stopped":true,"BaselineStopped":true,"Features":{"B":2,"A":1}}""",
            _serializer.Serialize(read).ToString());
        Assert.True(read.Movement.IsPacked);
    }

    private static DecisionShape Shape(string movementId, string? caseId, bool sampled) => new()
    {
        MovementId = movementId,
        At = new DateTimeOffset(2025, 3, 10, 9, 30, 0, 7, TimeSpan.FromMinutes(-330)),
        AmountCny = 10.50m,
        Stopped = sampled,
        BaselineStopped = caseId is not null,
        CaseId = caseId,
        Features = sampled
            ? new Dictionary<string, double>(StringComparer.Ordinal) { ["AmountLog"] = 4.61, ["金额\"x\""] = -0.0, ["Tiny"] = 1e-7, ["Huge"] = 1.7976931348623157E+308, ["Third"] = 1.0 / 3 }
            : null,
    };

    /// <summary>A payment decision as it was stored when it was a class: its members, in their order.</summary>
    private sealed class DecisionShape
    {
        public string MovementId { get; set; } = "";
        public DateTimeOffset At { get; set; }
        public decimal AmountCny { get; set; }
        public bool Stopped { get; set; }
        public bool BaselineStopped { get; set; }
        public string? CaseId { get; set; }
        public Dictionary<string, double>? Features { get; set; }
    }
}
