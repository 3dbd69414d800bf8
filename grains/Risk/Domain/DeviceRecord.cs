namespace Orleans.Fin.Risk.Domain;

/// <summary>A device the customer used.</summary>
public sealed class DeviceRecord
{
    public string DeviceId { get; set; } = "";
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The event the device was first seen on (so scoring that same event can treat it as new), by digest.</summary>
    public EventKey FirstEvent { get; set; }

    /// <summary>Sets <see cref="FirstEvent"/> from an id, as stored before the digests; reads (and is written) empty.</summary>
    public string FirstEventId { get => ""; set => FirstEvent = EventKey.OfStoredId(value, FirstEvent); }

    public int Uses { get; set; }
}
