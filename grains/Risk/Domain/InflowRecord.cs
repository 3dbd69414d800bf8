namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// Money that came in (a deposit or an incoming payment) in the profile's window: a value kept inline, the time as UTC
/// ticks and the event id as digests (see <see cref="PaymentRecord"/>).
/// </summary>
public readonly record struct InflowRecord
{
    private readonly long _utcTicks;

    /// <summary>The event this record came from, by digest.</summary>
    public EventKey Event { get; init; }

    /// <summary>Sets <see cref="Event"/> from an id; reads (and is written) empty, as <see cref="PaymentRecord.EventId"/>.</summary>
    public string EventId { get => ""; init => Event = EventKey.OfStoredId(value, Event); }

    public DateTimeOffset At { get => new(_utcTicks, TimeSpan.Zero); init => _utcTicks = value.UtcTicks; }

    public decimal AmountCny { get; init; }
    public string? CounterpartyAccountId { get; init; }
}
