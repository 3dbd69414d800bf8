namespace Orleans.Fin.Customers.Domain;

/// <summary>
/// Per-customer limits on one-time codes, whatever they are for: a new payment or Idempotency-Key is a new challenge
/// but not a new allowance. Codes issued and wrong answers are counted in a sliding window; crossing either limit
/// locks step-up (no code sent, no code accepted) for a while.
/// </summary>
public static class StepUpQuota
{
    /// <summary>Whether a code may be sent now; when it may, the issue is counted.</summary>
    public static (StepUpLedger Ledger, StepUpOutcome Outcome) Issue(StepUpLedger ledger, DateTimeOffset now, StepUpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(limits);
        if (IsLocked(ledger, now))
        {
            return (ledger, StepUpOutcome.Locked);
        }

        var issued = Recent(ledger.Issued, now, limits.Window);
        if (issued.Count >= limits.MaxCodesIssued)
        {
            return (Lock(now, limits), StepUpOutcome.LockedNow);
        }

        return (new StepUpLedger([.. issued, now], Recent(ledger.WrongAnswers, now, limits.Window), null), StepUpOutcome.Allowed);
    }

    /// <summary>Counts a wrong code; the answer that reaches the limit locks step-up.</summary>
    public static (StepUpLedger Ledger, StepUpOutcome Outcome) WrongAnswer(StepUpLedger ledger, DateTimeOffset now, StepUpLimits limits)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(limits);
        if (IsLocked(ledger, now))
        {
            return (ledger, StepUpOutcome.Locked);
        }

        var wrong = Recent(ledger.WrongAnswers, now, limits.Window);
        if (wrong.Count + 1 >= limits.MaxWrongAnswers)
        {
            return (Lock(now, limits), StepUpOutcome.LockedNow);
        }

        return (new StepUpLedger(Recent(ledger.Issued, now, limits.Window), [.. wrong, now], null), StepUpOutcome.Allowed);
    }

    public static bool IsLocked(StepUpLedger ledger, DateTimeOffset now) => ledger?.LockedUntil is { } until && now < until;

    // The counts start again after a lock: the lock itself is the penalty.
    private static StepUpLedger Lock(DateTimeOffset now, StepUpLimits limits) => new([], [], now + limits.LockDuration);

    private static List<DateTimeOffset> Recent(IReadOnlyList<DateTimeOffset> times, DateTimeOffset now, TimeSpan window) =>
        [.. times.Where(t => t > now - window && t <= now)];
}
