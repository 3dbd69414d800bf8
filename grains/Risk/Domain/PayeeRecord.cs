namespace Orleans.Fin.Risk.Domain;

/// <summary>An account the customer paid (completed payments only).</summary>
public sealed class PayeeRecord
{
    public string AccountId { get; set; } = "";
    public DateTimeOffset FirstPaid { get; set; }
    public DateTimeOffset LastPaid { get; set; }
    /// <summary>The first payment to the account, by digest.</summary>
    public EventKey FirstEvent { get; set; }

    /// <summary>Sets <see cref="FirstEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string FirstEventId { get => ""; set => FirstEvent = EventKey.OfStoredId(value, FirstEvent); }

    /// <summary>The latest payment to the account, by digest.</summary>
    public EventKey LastEvent { get; set; }

    /// <summary>Sets <see cref="LastEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string LastEventId { get => ""; set => LastEvent = EventKey.OfStoredId(value, LastEvent); }
    public int Payments { get; set; }
}
