namespace Orleans.Fin.Customers.Domain;

/// <summary>What the step-up quota remembers of one customer: recent codes issued, recent wrong answers, a lock.</summary>
public sealed record StepUpLedger(IReadOnlyList<DateTimeOffset> Issued, IReadOnlyList<DateTimeOffset> WrongAnswers, DateTimeOffset? LockedUntil)
{
    public static StepUpLedger Empty { get; } = new([], [], null);
}
