using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk;

public sealed class DecisionLabelsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static DecisionRecord Paid(string id, double hoursAfterT0, decimal amount, bool stopped = false, bool baselineStopped = false) =>
        new() { MovementId = id, At = T0.AddHours(hoursAfterT0), AmountCny = amount, Stopped = stopped, BaselineStopped = baselineStopped };

    [Fact]
    public void Remember_SameMovementAgain_ReplacesTheOutcomeAndIsNotNew()
    {
        List<DecisionRecord> decisions = [];

        Assert.True(DecisionLabels.Remember(decisions, Paid("m1", 0, 100m, stopped: true), 10));
        Assert.False(DecisionLabels.Remember(decisions, Paid("m1", 1, 100m, stopped: false), 10));

        var kept = Assert.Single(decisions);
        Assert.False(kept.Stopped);
        Assert.Equal(T0, kept.At);
    }

    [Fact]
    public void Remember_BeyondCapacity_DropsTheOldest()
    {
        List<DecisionRecord> decisions = [];
        foreach (var i in Enumerable.Range(1, 4))
        {
            DecisionLabels.Remember(decisions, Paid($"m{i}", i, 10m), 3);
        }

        Assert.Equal(["m2", "m3", "m4"], decisions.Select(d => d.MovementId));
    }

    [Fact]
    public void AttachToCase_TakesUnreportedPaymentsWithinTheLookbackOnly()
    {
        List<DecisionRecord> decisions = [Paid("old", 0, 50m), Paid("recent", 20, 60m), Paid("trigger", 24, 70m), Paid("other-case", 23, 80m)];
        decisions[3] = decisions[3] with { CaseId = "case-0" };

        DecisionLabels.AttachToCase(decisions, "case-1", T0.AddHours(24), TimeSpan.FromHours(12));

        Assert.Equal([null, "case-1", "case-1", "case-0"], decisions.Select(d => d.CaseId));
    }

    [Fact]
    public void CloseCase_ConfirmedFraud_SumsAmountsStoppedAndStoppedByBaseline()
    {
        List<DecisionRecord> decisions =
        [
            Paid("escaped", 1, 1_000m),
            Paid("declined", 2, 20_000m, stopped: true),
            Paid("held", 3, 5_000m, stopped: true, baselineStopped: true),
            Paid("unrelated", 4, 300m),
        ];
        for (var i = 0; i < 3; i++)
        {
            decisions[i] = decisions[i] with { CaseId = "case-1" };
        }

        var episode = DecisionLabels.CloseCase(decisions, "case-1", confirmedFraud: true);

        Assert.Equal(new FraudEpisode(26_000m, 25_000m, 5_000m), episode);
        Assert.Equal("unrelated", Assert.Single(decisions).MovementId);
    }

    [Fact]
    public void CloseCase_FalsePositive_ReleasesThePaymentsWithoutAmounts()
    {
        List<DecisionRecord> decisions = [Paid("m1", 1, 1_000m, stopped: true)];
        decisions[0] = decisions[0] with { CaseId = "case-1" };

        Assert.Equal(FraudEpisode.None, DecisionLabels.CloseCase(decisions, "case-1", confirmedFraud: false));
        Assert.Empty(decisions);
    }

    [Fact]
    public void Mature_UnreportedPastTheWindow_NegativesCorrectWhenAllowed()
    {
        List<DecisionRecord> decisions = [Paid("allowed", 0, 10m), Paid("declined", 1, 10m, stopped: true), Paid("young", 200, 10m), Paid("in-case", 0, 10m)];
        decisions[3] = decisions[3] with { CaseId = "case-1" };

        var matured = DecisionLabels.Mature(decisions, T0.AddDays(30).AddHours(1), TimeSpan.FromDays(30));

        Assert.Equal(2, matured.Labelled);
        Assert.Equal(1, matured.Correct);
        Assert.Equal(["allowed", "declined"], matured.Records.Select(d => d.MovementId));
        Assert.Equal(["young", "in-case"], decisions.Select(d => d.MovementId));
    }

    [Theory]
    [InlineData(0, true)] // exactly the window after: due
    [InlineData(-1, false)] // a tick short of it
    public void Mature_DecidedInAnotherOffset_ComparesInstantsToTheTick(long ticksPastTheWindow, bool due)
    {
        var window = TimeSpan.FromDays(30);
        List<DecisionRecord> decisions = [Paid("beijing", 0, 10m) with { At = T0.ToOffset(TimeSpan.FromHours(8)) }];

        var matured = DecisionLabels.Mature(decisions, T0 + window + TimeSpan.FromTicks(ticksPastTheWindow), window);

        Assert.Equal(due ? 1 : 0, matured.Labelled);
        Assert.Equal(due ? 0 : 1, decisions.Count);
    }

    [Theory]
    [InlineData(true, RiskLevel.High, RiskLevel.High, true)] // both decline
    [InlineData(true, RiskLevel.High, RiskLevel.Low, false)] // only the model saw it
    [InlineData(true, RiskLevel.Medium, RiskLevel.Low, true)] // a hold or an unanswered code: the baseline meets it too
    [InlineData(false, RiskLevel.Low, RiskLevel.High, true)] // the rules alone would have declined it
    [InlineData(false, RiskLevel.Low, RiskLevel.Low, false)]
    public void BaselineStops_ByItsOwnLevelAndStopsNotFromTheScore(bool stopped, RiskLevel level, RiskLevel baseline, bool expected) =>
        Assert.Equal(expected, DecisionLabels.BaselineStops(stopped, level, baseline));

    [Fact]
    public void BaselineStops_NoBaselineScore_FollowsTheServingDecision() =>
        Assert.True(DecisionLabels.BaselineStops(true, RiskLevel.High, null));
}
