using Orleans.Fin.Customers.Domain;

namespace Orleans.Fin.UnitTests.Customers;

public sealed class StepUpQuotaTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly StepUpLimits Limits = new(MaxCodesIssued: 3, MaxWrongAnswers: 2, Window: TimeSpan.FromHours(1), LockDuration: TimeSpan.FromMinutes(30));

    [Fact]
    public void Issue_WithinLimit_IsAllowedAndCounted()
    {
        var (ledger, outcome) = StepUpQuota.Issue(StepUpLedger.Empty, Start, Limits);

        Assert.Equal(StepUpOutcome.Allowed, outcome);
        Assert.Equal([Start], ledger.Issued);
    }

    [Fact]
    public void Issue_PastLimit_LocksForTheLockDuration()
    {
        var ledger = StepUpLedger.Empty;
        for (var i = 0; i < 3; i++)
        {
            (ledger, _) = StepUpQuota.Issue(ledger, Start.AddMinutes(i), Limits);
        }

        var (locked, outcome) = StepUpQuota.Issue(ledger, Start.AddMinutes(3), Limits);
        var (_, again) = StepUpQuota.Issue(locked, Start.AddMinutes(32), Limits);
        var (_, after) = StepUpQuota.Issue(locked, Start.AddMinutes(33), Limits);

        Assert.Equal(StepUpOutcome.LockedNow, outcome);
        Assert.Equal(Start.AddMinutes(33), locked.LockedUntil);
        Assert.Equal(StepUpOutcome.Locked, again);
        Assert.Equal(StepUpOutcome.Allowed, after);
    }

    [Fact]
    public void Issue_OlderThanWindow_NoLongerCounts()
    {
        var ledger = new StepUpLedger([Start, Start.AddMinutes(1), Start.AddMinutes(2)], [], null);

        var (next, outcome) = StepUpQuota.Issue(ledger, Start.AddMinutes(61), Limits);

        Assert.Equal(StepUpOutcome.Allowed, outcome);
        Assert.Equal([Start.AddMinutes(1), Start.AddMinutes(2), Start.AddMinutes(61)], next.Issued);
    }

    [Fact]
    public void WrongAnswer_SecondWithinWindow_LocksEvenAcrossReferences()
    {
        var (first, firstOutcome) = StepUpQuota.WrongAnswer(StepUpLedger.Empty, Start, Limits);
        var (second, secondOutcome) = StepUpQuota.WrongAnswer(first, Start.AddMinutes(5), Limits);

        Assert.Equal(StepUpOutcome.Allowed, firstOutcome);
        Assert.Equal(StepUpOutcome.LockedNow, secondOutcome);
        Assert.True(StepUpQuota.IsLocked(second, Start.AddMinutes(34)));
        Assert.False(StepUpQuota.IsLocked(second, Start.AddMinutes(35)));
    }

    [Fact]
    public void WrongAnswer_WhileLocked_ChangesNothing()
    {
        var locked = new StepUpLedger([], [], Start.AddMinutes(10));

        var (ledger, outcome) = StepUpQuota.WrongAnswer(locked, Start, Limits);

        Assert.Equal(StepUpOutcome.Locked, outcome);
        Assert.Same(locked, ledger);
    }

    [Fact]
    public void Default_AllowsTenCodesAndSixWrongAnswersPerHour()
    {
        Assert.Equal(10, StepUpLimits.Default.MaxCodesIssued);
        Assert.Equal(6, StepUpLimits.Default.MaxWrongAnswers);
        Assert.Equal(TimeSpan.FromHours(1), StepUpLimits.Default.Window);
    }
}
