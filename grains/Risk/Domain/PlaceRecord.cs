namespace Orleans.Fin.Risk.Domain;

/// <summary>A city the customer was seen in (logins and payments).</summary>
public sealed class PlaceRecord
{
    public string? Country { get; set; }
    public string City { get; set; } = "";
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }
    /// <summary>The first event seen in the city, by digest.</summary>
    public EventKey FirstEvent { get; set; }

    /// <summary>Sets <see cref="FirstEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string FirstEventId { get => ""; set => FirstEvent = EventKey.OfStoredId(value, FirstEvent); }

    /// <summary>The latest event seen in the city, by digest.</summary>
    public EventKey LastEvent { get; set; }

    /// <summary>Sets <see cref="LastEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string LastEventId { get => ""; set => LastEvent = EventKey.OfStoredId(value, LastEvent); }
    public int Visits { get; set; }
}
