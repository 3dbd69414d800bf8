namespace Orleans.Fin.Customers;

/// <summary>Persisted state of a customer's step-up allowance (JSON; new members need defaults).</summary>
public sealed class StepUpGuardState
{
    public int SchemaVersion { get; set; } = 1;
    public List<DateTimeOffset> Issued { get; set; } = [];
    public List<DateTimeOffset> WrongAnswers { get; set; } = [];
    public DateTimeOffset? LockedUntil { get; set; }
}
