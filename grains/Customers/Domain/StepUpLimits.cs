namespace Orleans.Fin.Customers.Domain;

/// <summary>
/// How many one-time codes a customer may be sent, and how many wrong codes it may enter, within
/// <see cref="Window"/>, across every payment and device binding; past either, step-up is locked for
/// <see cref="LockDuration"/>.
/// </summary>
public sealed record StepUpLimits(int MaxCodesIssued, int MaxWrongAnswers, TimeSpan Window, TimeSpan LockDuration)
{
    public static StepUpLimits Default { get; } = new(10, 6, TimeSpan.FromHours(1), TimeSpan.FromMinutes(30));
}
