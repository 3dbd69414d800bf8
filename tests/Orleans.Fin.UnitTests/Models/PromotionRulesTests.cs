using Orleans.Fin.Models;
using Orleans.Fin.Models.Domain;

namespace Orleans.Fin.UnitTests.Models;

public sealed class PromotionRulesTests
{
    [Fact]
    public void Judge_WorseOnLabelledTraffic_Refused()
    {
        var gate = PromotionGate.Judge(new GateEvidence(30, 0.80, 0.90, 0.99, 0.90), false, "");

        Assert.False(gate.Passed);
        Assert.Equal(PromotionGate.LabelledBasis, gate.Basis);
        Assert.Equal((0.80, 0.90), (gate.Candidate!.Value, gate.Champion!.Value));
    }

    [Fact]
    public void Judge_WorseWithOverrideAndNote_PassesOverridden()
    {
        var gate = PromotionGate.Judge(new GateEvidence(30, 0.80, 0.90, null, null), true, "accepted by the model committee");

        Assert.True(gate.Passed);
        Assert.True(gate.Overridden);
    }

    [Fact]
    public void Judge_OverrideWithoutNote_StillRefused() =>
        Assert.False(PromotionGate.Judge(new GateEvidence(30, 0.80, 0.90, null, null), true, " ").Passed);

    [Fact]
    public void Judge_WithinTolerance_Passes() =>
        Assert.True(PromotionGate.Judge(new GateEvidence(30, 0.896, 0.900, null, null), false, "").Passed);

    [Fact]
    public void Judge_TooFewLabels_ComparesValidationAuc()
    {
        var gate = PromotionGate.Judge(new GateEvidence(19, 0.99, 0.50, 0.8423, 0.8506), false, "");

        Assert.Equal(PromotionGate.ValidationBasis, gate.Basis);
        Assert.False(gate.Passed);
    }

    [Theory]
    [InlineData(null, null, "v2", "alice", PromotionStep.Request)]
    [InlineData("v2", "alice", "v2", "alice", PromotionStep.SameSubject)]
    [InlineData("v2", "alice", "v2", "bob", PromotionStep.Approve)]
    [InlineData("v2", "alice", "v3", "bob", PromotionStep.Request)]
    public void MakerChecker_Next(string? pendingVersion, string? pendingBy, string version, string by, PromotionStep expected) =>
        Assert.Equal(expected, MakerChecker.Next(pendingVersion, pendingBy, version, by));

    [Fact]
    public void Roster_RegisterThenPromote_OldChampionRetiredAndChallengerReplaced()
    {
        IReadOnlyList<RosterEntry> roster = ModelRoster.Register([], "v1");
        roster = ModelRoster.Register(roster, "v2");
        roster = ModelRoster.ShareTraffic(roster, "v2", 0.2).Roster!;
        roster = ModelRoster.Register(roster, "v3");

        Assert.Equal([ModelRole.Champion, ModelRole.Retired, ModelRole.Challenger], roster.Select(e => e.Role));
        Assert.Equal(0, roster[1].TrafficShare);

        roster = ModelRoster.Promote(roster, "v3");

        Assert.Equal([ModelRole.Retired, ModelRole.Retired, ModelRole.Champion], roster.Select(e => e.Role));
        Assert.Equal(ModelRole.Champion, ModelRoster.Promote(roster, "v1")[0].Role);
    }

    [Theory]
    [InlineData("v1", 0.1)]
    [InlineData("v2", 0.6)]
    [InlineData("v2", -0.1)]
    public void ShareTraffic_NotChallengerOrOutOfRange_Refused(string version, double share)
    {
        var roster = ModelRoster.Register(ModelRoster.Register([], "v1"), "v2");

        Assert.Null(ModelRoster.ShareTraffic(roster, version, share).Roster);
    }

    [Fact]
    public void TrafficSplit_ShareOfKeys_IsRoughlyTheShareAndStable()
    {
        var keys = Enumerable.Range(0, 10_000).Select(i => $"mov_{i}").ToList();

        var taken = keys.Count(k => TrafficSplit.ChallengerTakes(k, 0.2));

        Assert.InRange(taken, 1_800, 2_200);
        Assert.Equal(taken, keys.Count(k => TrafficSplit.ChallengerTakes(k, 0.2)));
        Assert.DoesNotContain(keys, k => TrafficSplit.ChallengerTakes(k, 0));
    }

    [Fact]
    public void TargetWatch_MissLongerThanWindow_AlertsWithAdjustByDate()
    {
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var window = TimeSpan.FromDays(7);
        var adjust = TimeSpan.FromDays(14);

        var first = TargetWatch.Check(0.80, 0.92, null, start, window, adjust);
        var later = TargetWatch.Check(0.85, 0.92, first.MissingSince, start.AddDays(8), window, adjust);
        var noEvidence = TargetWatch.Check(null, 0.92, first.MissingSince, start.AddDays(9), window, adjust);
        var recovered = TargetWatch.Check(0.93, 0.92, first.MissingSince, start.AddDays(10), window, adjust);

        Assert.Equal((start, (TargetMiss?)null), (first.MissingSince!.Value, first.Alert));
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), later.Alert!.AdjustBy);
        Assert.Equal(start, noEvidence.MissingSince);
        Assert.Null(recovered.MissingSince);
        Assert.Null(recovered.Alert);
    }
}
