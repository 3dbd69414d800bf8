using Microsoft.Extensions.Options;

namespace Orleans.Fin.Clock;

/// <summary>
/// The <see cref="TimeProvider"/> every grain uses: system time plus the cluster's simulated offset (zero unless the
/// clock is simulated). Timers and delays run on real time; only "now" moves.
/// </summary>
public sealed class BusinessClock(IOptions<BusinessClockOptions> options) : TimeProvider
{
    private long _offsetTicks;

    public bool Simulated => options.Value.Simulated;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Adopts the cluster's offset; it only ever moves forward, so a stale read never turns time back.</summary>
    public void Follow(TimeSpan offset)
    {
        long current;
        do
        {
            current = Interlocked.Read(ref _offsetTicks);
            if (offset.Ticks <= current)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref _offsetTicks, offset.Ticks, current) != current);
    }
}
