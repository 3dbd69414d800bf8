namespace Orleans.Fin.Clock;

/// <summary>Persisted state of the business clock: the simulated offset from real time.</summary>
public sealed class BusinessClockState
{
    public int SchemaVersion { get; set; } = 1;
    public long OffsetTicks { get; set; }
}
