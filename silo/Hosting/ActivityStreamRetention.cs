using Orleans.Configuration;

namespace Orleans.Fin.Silo.Hosting;

/// <summary>
/// How long the activity stream keeps what it has delivered. Its only consumer is the customer's risk grain, which takes
/// each event as it arrives; nothing rewinds the stream. So an event needs to stay in the pulling agent's cache only for as
/// long as its delivery may still be retried, and a customer stream's consumer record only until its events are gone.
/// </summary>
public static class ActivityStreamRetention
{
    /// <summary>
    /// An event is not purged before it has been in the cache this long: longer than the pulling agent keeps retrying a
    /// delivery (<see cref="StreamPullingAgentOptions.MaxEventDeliveryTime"/>, one minute), so purging never takes an event
    /// whose delivery is still under way.
    /// </summary>
    public static readonly TimeSpan MinimumTimeInCache = TimeSpan.FromMinutes(2);

    /// <summary>Events older than this, measured against the newest event in the cache, are purged (after <see cref="MinimumTimeInCache"/>).</summary>
    public static readonly TimeSpan MaximumAgeInCache = TimeSpan.FromMinutes(2);

    /// <summary>A customer stream with no event for this long drops its consumer record; its next event finds the risk grain again.</summary>
    public static readonly TimeSpan ConsumerIdleLimit = TimeSpan.FromMinutes(3);

    /// <summary>Whether the settings keep every event until its delivery has ended and every consumer record until its events are gone.</summary>
    public static bool KeepsUndeliveredEvents(TimeSpan maxEventDeliveryTime, TimeSpan minimumTimeInCache, TimeSpan maximumAgeInCache,
        TimeSpan consumerIdleLimit) =>
        minimumTimeInCache > maxEventDeliveryTime && maximumAgeInCache >= minimumTimeInCache && consumerIdleLimit > maximumAgeInCache;
}
