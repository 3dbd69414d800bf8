namespace Orleans.Fin.Risk.Domain;

/// <summary>A device the customer used.</summary>
public sealed class DeviceRecord
{
    public string DeviceId { get; set; } = "";
    public DateTimeOffset FirstSeen { get; set; }
    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The event the device was first seen on (so scoring that same event can treat it as new).</summary>
    public string FirstEventId { get; set; } = "";

    public int Uses { get; set; }
}
