namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// One outgoing payment or withdrawal in the profile's window: a value kept inline in the window's array (no object, no
/// id string), the time as UTC ticks and the event id as digests (<see cref="EventKey"/>). The strings it holds (payee,
/// device, place, currency) repeat across a profile and are shared.
/// </summary>
public readonly record struct PaymentRecord
{
    private readonly long _utcTicks;

    /// <summary>The event this record came from, by digest.</summary>
    public EventKey Event { get; init; }

    /// <summary>
    /// Sets <see cref="Event"/> from an id (as records stored before the digests were read, and as the tracker builds
    /// them); reads as empty: the id itself is not kept. Written empty so that a node on the older version reads a string.
    /// </summary>
    public string EventId { get => ""; init => Event = EventKey.OfStoredId(value, Event); }

    /// <summary>When it happened (kept as UTC ticks: the offset it arrived with is not kept).</summary>
    public DateTimeOffset At { get => new(_utcTicks, TimeSpan.Zero); init => _utcTicks = value.UtcTicks; }

    public decimal Amount { get; init; }
    public string Currency { get; init; }

    /// <summary>The amount converted at the approximate rates of <see cref="RiskCurrency"/>.</summary>
    public decimal AmountCny { get; init; }

    /// <summary>The account paid; null for a withdrawal to outside the platform.</summary>
    public string? PayeeAccountId { get; init; }

    public string? DeviceId { get; init; }
    public string? Country { get; init; }
    public string? City { get; init; }
    public bool Withdrawal { get; init; }
    public bool Declined { get; init; }

    /// <summary>The payee had never been paid (completed) before this payment.</summary>
    public bool NewPayee { get; init; }

    /// <summary>The device was unknown when other devices were already known.</summary>
    public bool NewDevice { get; init; }
}
