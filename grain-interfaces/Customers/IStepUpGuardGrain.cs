namespace Orleans.Fin.Customers;

/// <summary>
/// One customer's allowance of one-time codes across payments and device bindings (keyed by customer id): how many
/// codes may be sent and how many wrong codes entered before step-up is locked for a while and an alert is raised.
/// </summary>
[Alias("fin.IStepUpGuardGrain")]
public interface IStepUpGuardGrain : IGrainWithStringKey
{
    /// <summary>Asks to send a code for <paramref name="reference"/>; counts it when allowed.</summary>
    [Alias("Issue")]
    Task<StepUpGate> Issue(string reference);

    /// <summary>Counts a wrong code entered for <paramref name="reference"/>.</summary>
    [Alias("WrongAnswer")]
    Task<StepUpGate> WrongAnswer(string reference);

    /// <summary>Whether step-up is open now (codes may be checked).</summary>
    [Alias("Check")]
    Task<StepUpGate> Check();
}

/// <summary>Whether step-up is open for the customer; when it is locked, until when.</summary>
[GenerateSerializer, Immutable, Alias("fin.StepUpGate")]
public sealed record StepUpGate(bool Open, DateTimeOffset? LockedUntil)
{
    public static StepUpGate Opened { get; } = new(true, null);
}
