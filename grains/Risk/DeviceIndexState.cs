using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>Persisted state of a device index. Version 1 kept plain lists; they are moved into <see cref="Watch"/> on first use.</summary>
public sealed class DeviceIndexState
{
    public int SchemaVersion { get; set; } = 2;
    public RingWatchList Watch { get; set; } = new();

    /// <summary>Version 1 only: the customers seen.</summary>
    public List<string> Customers { get; set; } = [];

    /// <summary>Version 1 only: the customers already signalled.</summary>
    public List<string> Signalled { get; set; } = [];

    /// <summary>Version 1 only: whether the ring alert was raised.</summary>
    public bool Alerted { get; set; }

    public void Upgrade(DateTimeOffset at)
    {
        if (SchemaVersion >= 2)
        {
            return;
        }

        Watch = RingWatchList.FromVersion1(Customers, Signalled, Alerted, at);
        Customers = [];
        Signalled = [];
        SchemaVersion = 2;
    }
}
