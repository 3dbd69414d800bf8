using Orleans.Fin.Common;

namespace Orleans.Fin.Clock;

/// <summary>
/// The cluster's business clock: how far the simulated clock is ahead of real time. One grain (key 0); every silo's
/// <c>BusinessClock</c> follows it.
/// </summary>
[Alias("fin.IBusinessClockGrain")]
public interface IBusinessClockGrain : IGrainWithIntegerKey
{
    /// <summary>Moves simulated time forward; refused when the clock is the system clock.</summary>
    [Alias("Advance")]
    Task<BusinessClockView> Advance(TimeSpan by);

    [Alias("GetOffset")]
    Task<TimeSpan> GetOffset();

    /// <summary>Business time now, and whether it is simulated.</summary>
    [Alias("Now")]
    Task<BusinessClockView> Now();
}
