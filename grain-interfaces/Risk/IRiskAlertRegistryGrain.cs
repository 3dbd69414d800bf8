namespace Orleans.Fin.Risk;

/// <summary>Alerts raised by rules and early-warning indicators (key <see cref="RiskGrainKeys.Global"/>): bounded, newest first.</summary>
[Alias("fin.IRiskAlertRegistryGrain")]
public interface IRiskAlertRegistryGrain : IGrainWithStringKey
{
    [Alias("Raise")]
    Task<AlertView> Raise(AlertDraft draft);

    /// <summary>Alerts newest first, optionally of one kind or one customer, starting below <paramref name="cursor"/>.</summary>
    [Alias("List")]
    Task<AlertPage> List(AlertKind? kind, string? customerId, long? cursor, int limit);
}
