namespace Orleans.Fin.Common;

/// <summary>
/// Section "PendingMovements": how often a loan or portfolio holding a decided but unapplied movement retries it on its
/// reminder. Below a minute the silo's <c>ReminderOptions.MinimumReminderPeriod</c> must be lowered too (tests do).
/// </summary>
public sealed class PendingMovementOptions
{
    public const string Section = "PendingMovements";

    public TimeSpan RetryPeriod { get; set; } = TimeSpan.FromMinutes(1);
}
