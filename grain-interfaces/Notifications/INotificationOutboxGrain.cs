namespace Orleans.Fin.Notifications;

/// <summary>Messages waiting to be delivered to one customer (keyed by customer id); bounded, newest kept.</summary>
[Alias("fin.INotificationOutboxGrain")]
public interface INotificationOutboxGrain : IGrainWithStringKey
{
    [Alias("Append")]
    Task Append(OutboxMessage message);

    /// <summary>The newest message with this purpose, or null.</summary>
    [Alias("GetLatest")]
    Task<OutboxMessage?> GetLatest(string purpose);
}
