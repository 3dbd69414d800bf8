namespace Orleans.Fin.Notifications;

/// <summary>
/// Development only: the customer's phone as the platform sees it (keyed by customer id), so staff can read the code an
/// SMS would have carried. Held in memory by one activation, never persisted, never written in Production.
/// </summary>
[Alias("fin.IDevelopmentSmsInboxGrain")]
public interface IDevelopmentSmsInboxGrain : IGrainWithStringKey
{
    [Alias("Deliver")]
    Task Deliver(OutboxMessage message);

    /// <summary>The newest delivered message carrying a one-time code, or null.</summary>
    [Alias("GetLatestCode")]
    Task<OutboxMessage?> GetLatestCode();
}
