using Orleans.Fin.Customers;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.UnitTests.Risk.Policies;

public sealed class FlaggedSenderPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 3, 0, 0, TimeSpan.Zero);
    private static readonly ExplainedStanding Nothing = new();
    private static readonly ExplainedStanding GiftConfirmed = new() { Score = 57, ScoredAt = T0, ConfirmedPayment = "pay_gift" };

    [Theory]
    [InlineData(true, RiskLevel.Low, 0, 0, false, true)]
    [InlineData(false, RiskLevel.High, 80, 80, false, true)]
    [InlineData(false, RiskLevel.Medium, 55, 55, false, false)]
    [InlineData(false, RiskLevel.Medium, 52, 55, false, false)]
    [InlineData(false, RiskLevel.Medium, 56, 55, false, true)]
    [InlineData(false, RiskLevel.Medium, 55, 0, false, true)]
    [InlineData(false, RiskLevel.Medium, 55, 60, true, true)]
    [InlineData(false, RiskLevel.Low, 30, 0, true, false)]
    [InlineData(false, RiskLevel.Low, 30, 0, false, false)]
    public void Counts_ByCaseLevelAndWhatIsExplained(bool openCase, RiskLevel level, int standing, int explained, bool awaiting, bool expected) =>
        Assert.Equal(expected, FlaggedSenderPolicy.Counts(openCase, level, standing, explained, awaiting));

    [Fact]
    public void GiftScoredMediumThenAnswered_ExplainedAndNoLongerCounted()
    {
        var attempt = FlaggedSenderPolicy.AfterAttempt(Nothing, RiskLevel.Medium, "pay_gift", countedBefore: false);
        Assert.Equal("pay_gift", attempt.AwaitingCode);
        Assert.True(Counts(55, attempt));

        var repeated = FlaggedSenderPolicy.AfterAttempt(attempt, RiskLevel.Medium, "pay_gift", countedBefore: true);
        var passed = FlaggedSenderPolicy.AfterCodePassed(repeated, "pay_gift", 57, T0.AddMinutes(1));

        Assert.Equal(new ExplainedStanding { Score = 57, ScoredAt = T0.AddMinutes(1), ConfirmedPayment = "pay_gift" }, passed);
        Assert.False(Counts(57, passed));
    }

    [Fact]
    public void ConfirmedPaymentScoredMediumOnceMade_StaysExplained()
    {
        var made = FlaggedSenderPolicy.AfterPaymentMade(GiftConfirmed, RiskLevel.Medium, "pay_gift", countedBefore: false, 61, T0.AddMinutes(2));

        Assert.Equal(GiftConfirmed with { Score = 61, ScoredAt = T0.AddMinutes(2) }, made);
        Assert.False(Counts(61, made));
    }

    [Fact]
    public void PaymentMadeWithoutACodeScoredMedium_CountsUntilTheNextCodeIsPassed()
    {
        var made = FlaggedSenderPolicy.AfterPaymentMade(Nothing, RiskLevel.Medium, "pay_rent", countedBefore: false, 48, T0);
        Assert.True(Counts(48, made));

        var next = FlaggedSenderPolicy.AfterAttempt(made, RiskLevel.Low, "pay_next", countedBefore: true);
        var passed = FlaggedSenderPolicy.AfterCodePassed(next, "pay_next", 48, T0);

        Assert.Equal(new ExplainedStanding { Score = 48, ScoredAt = T0, ConfirmedPayment = "pay_next" }, passed);
    }

    [Fact]
    public void MediumAttemptAfterAPaymentMadeAwaitingTheNextCode_ItsCodeExplainsBoth()
    {
        var made = new ExplainedStanding { AwaitingCode = ExplainedStanding.NextCode };

        var attempt = FlaggedSenderPolicy.AfterAttempt(made, RiskLevel.Medium, "pay_2", countedBefore: true);

        Assert.Equal("pay_2", attempt.AwaitingCode);
        Assert.False(Counts(55, FlaggedSenderPolicy.AfterCodePassed(attempt, "pay_2", 55, T0)));
    }

    [Fact]
    public void CodeNeverAnswered_KeepsCounting()
    {
        var attempt = FlaggedSenderPolicy.AfterAttempt(Nothing, RiskLevel.Medium, "pay_1", countedBefore: false);

        Assert.True(Counts(55, attempt));
    }

    [Fact]
    public void CodeAnsweredAfterAMediumLogin_NothingExplained()
    {
        var login = FlaggedSenderPolicy.AfterOtherFinding(Nothing, RiskLevel.Medium);
        var attempt = FlaggedSenderPolicy.AfterAttempt(login, RiskLevel.Medium, "pay_1", countedBefore: true);
        var passed = FlaggedSenderPolicy.AfterCodePassed(attempt, "pay_1", 55, T0.AddMinutes(5));

        Assert.Equal(0, passed.Score);
        Assert.Null(passed.AwaitingCode);
        Assert.True(Counts(55, passed));
    }

    [Fact]
    public void UnansweredPaymentBelowAnExplainedStanding_Counts()
    {
        var second = FlaggedSenderPolicy.AfterAttempt(GiftConfirmed, RiskLevel.Medium, "pay_2", countedBefore: false);

        Assert.Equal("pay_2", second.AwaitingCode);
        Assert.True(Counts(57, second));
        Assert.False(Counts(57, FlaggedSenderPolicy.AfterCodePassed(second, "pay_2", 57, T0.AddMinutes(1))));
    }

    [Fact]
    public void SecondPaymentWhileTheFirstAwaitsItsCode_NothingExplained()
    {
        var awaiting = new ExplainedStanding { AwaitingCode = "pay_1" };

        var second = FlaggedSenderPolicy.AfterAttempt(awaiting, RiskLevel.Medium, "pay_2", countedBefore: true);

        var passed = FlaggedSenderPolicy.AfterCodePassed(second, "pay_1", 55, T0);

        Assert.Equal(0, passed.Score);
        Assert.Null(passed.AwaitingCode);
        Assert.True(Counts(55, passed));
    }

    [Fact]
    public void FindingOnAPaymentMadeWhileTheStandingCounts_ChangesNothing()
    {
        var awaiting = GiftConfirmed with { AwaitingCode = "pay_2" };

        Assert.Same(awaiting, FlaggedSenderPolicy.AfterPaymentMade(awaiting, RiskLevel.Medium, "pay_gift", countedBefore: true, 62, T0.AddMinutes(1)));
    }

    [Fact]
    public void HighFinding_ForgetsWhatWasExplained()
    {
        Assert.Equal(Nothing, FlaggedSenderPolicy.AfterAttempt(GiftConfirmed, RiskLevel.High, "pay_gift", countedBefore: false));
        Assert.Equal(Nothing, FlaggedSenderPolicy.AfterPaymentMade(GiftConfirmed, RiskLevel.High, "pay_gift", countedBefore: false, 80, T0));
    }

    [Fact]
    public void MediumFindingNotAboutAnOwnPayment_ForgetsWhatWasExplained() =>
        Assert.Equal(Nothing, FlaggedSenderPolicy.AfterOtherFinding(GiftConfirmed, RiskLevel.Medium));

    [Fact]
    public void LowFinding_ChangesNothing()
    {
        Assert.Same(GiftConfirmed, FlaggedSenderPolicy.AfterAttempt(GiftConfirmed, RiskLevel.Low, "pay_other", countedBefore: false));
        Assert.Same(GiftConfirmed, FlaggedSenderPolicy.AfterPaymentMade(GiftConfirmed, RiskLevel.Low, "pay_other", countedBefore: false, 57, T0));
        Assert.Same(GiftConfirmed, FlaggedSenderPolicy.AfterOtherFinding(GiftConfirmed, RiskLevel.Low));
    }

    [Fact]
    public void StaleAwaitingCodeOnceTheStandingFadedToLow_ReplacedByTheNewPayment()
    {
        var stale = new ExplainedStanding { AwaitingCode = "pay_old" };

        Assert.Equal("pay_new", FlaggedSenderPolicy.AfterAttempt(stale, RiskLevel.Medium, "pay_new", countedBefore: false).AwaitingCode);
    }

    [Fact]
    public void CodeFailed_NothingExplained() => Assert.Equal(Nothing, FlaggedSenderPolicy.AfterCodeFailed());

    [Fact]
    public void CodePassedForAPaymentThatRaisedNothing_OnlyRemembersThePayment()
    {
        var passed = FlaggedSenderPolicy.AfterCodePassed(GiftConfirmed, "pay_small", 60, T0.AddHours(1));

        Assert.Equal(GiftConfirmed with { ConfirmedPayment = "pay_small" }, passed);
    }

    [Fact]
    public void CodePassedForAnotherPaymentThanTheOneAwaited_ExplainsNothing()
    {
        var awaiting = new ExplainedStanding { AwaitingCode = "pay_1" };

        Assert.Same(awaiting, FlaggedSenderPolicy.AfterCodePassed(awaiting, "pay_2", 55, T0));
    }

    private static bool Counts(int standing, ExplainedStanding state) =>
        FlaggedSenderPolicy.Counts(false, RiskLevel.Medium, standing, state.Score, state.AwaitingCode is not null);
}
