namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// One outgoing payment or withdrawal in the profile's window: a value kept inline in the window's array (no object, no
/// id string), 64 bytes: the time as UTC ticks, the event id as digests (<see cref="EventKey"/>), the currency, payee,
/// device and place as one <see cref="PaymentContext"/> shared with the customer's other payments like it, and the CNY
/// amount only where it is not the amount itself (a payment in CNY).
/// </summary>
public readonly record struct PaymentRecord
{
    private readonly long _utcTicks;
    private readonly PaymentContext? _context;

    // The CNY amount where it is not exactly (scale included) the amount; null when it is.
    private readonly OtherAmount? _otherCny;

    /// <summary>The event this record came from, by digest.</summary>
    public EventKey Event { get; init; }

    /// <summary>
    /// Sets <see cref="Event"/> from an id (as records stored before the digests were read, and as the tracker builds
    /// them); reads as empty: the id itself is not kept. Written empty so that a node on the older version reads a string.
    /// </summary>
    public string EventId { get => ""; init => Event = EventKey.OfStoredId(value, Event); }

    /// <summary>When it happened (kept as UTC ticks: the offset it arrived with is not kept).</summary>
    public DateTimeOffset At { get => new(_utcTicks, TimeSpan.Zero); init => _utcTicks = value.UtcTicks; }

    public decimal Amount
    {
        get;
        init
        {
            // The CNY amount stays what it was: held apart unless it is exactly the new amount.
            var cny = AmountCny;
            field = value;
            _otherCny = ExactDecimal.Same(cny, value) ? null : new(cny);
        }
    }

    public string Currency { get => Context.Currency; init => _context = Context with { Currency = value }; }

    /// <summary>The amount converted at the approximate rates of <see cref="RiskCurrency"/>.</summary>
    public decimal AmountCny { get => _otherCny?.Value ?? Amount; init => _otherCny = ExactDecimal.Same(value, Amount) ? null : new(value); }

    /// <summary>The account paid; null for a withdrawal to outside the platform.</summary>
    public string? PayeeAccountId { get => Context.PayeeAccountId; init => _context = Context with { PayeeAccountId = value }; }

    public string? DeviceId { get => Context.DeviceId; init => _context = Context with { DeviceId = value }; }
    public string? Country { get => Context.Country; init => _context = Context with { Country = value }; }
    public string? City { get => Context.City; init => _context = Context with { City = value }; }
    public bool Withdrawal { get; init; }
    public bool Declined { get; init; }

    /// <summary>The payee had never been paid (completed) before this payment.</summary>
    public bool NewPayee { get; init; }

    /// <summary>The device was unknown when other devices were already known.</summary>
    public bool NewDevice { get; init; }

    /// <summary>The currency, payee, device and place, as held (possibly shared).</summary>
    internal PaymentContext Context { get => _context ?? PaymentContext.None; init => _context = value; }

    /// <summary>Lets the records of a window share their contexts (see <see cref="SharedParts"/>). Returns the same list.</summary>
    public static List<PaymentRecord> Share(List<PaymentRecord> records) =>
        SharedParts.Share(records, r => r.Context, (r, context) => r with { Context = context });

    /// <summary>A CNY amount held apart (a value: records holding equal ones are equal).</summary>
    private sealed record OtherAmount(decimal Value);
}
