namespace Orleans.Fin.Clock;

/// <summary>Section "Clock": whether business time is simulated (the Development default) or the system clock.</summary>
public sealed class BusinessClockOptions
{
    public const string Section = "Clock";

    public bool Simulated { get; set; }

    /// <summary>How often a silo re-reads the cluster's offset (other silos see an advance within this time).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest single advance accepted.</summary>
    public int MaxAdvanceDays { get; set; } = 3660;
}
