namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// One login in the profile's window: a value kept inline, the time as UTC ticks and the event id as digests (see
/// <see cref="PaymentRecord"/>).
/// </summary>
public readonly record struct LoginRecord
{
    private readonly long _utcTicks;

    /// <summary>The event this record came from, by digest.</summary>
    public EventKey Event { get; init; }

    /// <summary>Sets <see cref="Event"/> from an id; reads (and is written) empty, as <see cref="PaymentRecord.EventId"/>.</summary>
    public string EventId { get => ""; init => Event = EventKey.OfStoredId(value, Event); }

    public DateTimeOffset At { get => new(_utcTicks, TimeSpan.Zero); init => _utcTicks = value.UtcTicks; }

    public string? DeviceId { get; init; }
    public string? Ip { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }

    /// <summary>The device was unknown when other devices were already known.</summary>
    public bool NewDevice { get; init; }
}
