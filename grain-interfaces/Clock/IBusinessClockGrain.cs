using Orleans.Concurrency;
using Orleans.Fin.Common;

namespace Orleans.Fin.Clock;

/// <summary>
/// The cluster's business clock: how far the simulated clock is ahead of real time. One grain (key 0); every silo's
/// <c>BusinessClock</c> follows it.
/// </summary>
[Alias("fin.IBusinessClockGrain")]
public interface IBusinessClockGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Moves simulated time forward; refused when the clock is the system clock. Answers once the open loans have caught
    /// up (the loan book's sweep) and every portfolio has had its rebalance check, so what depends on the clock has followed it.
    /// </summary>
    [Alias("Advance")]
    Task<BusinessClockView> Advance(TimeSpan by);

    /// <summary>The offset; read-only, so it may run while an advance waits for the loans (silos keep following).</summary>
    [Alias("GetOffset"), AlwaysInterleave]
    Task<TimeSpan> GetOffset();

    /// <summary>Business time now, and whether it is simulated.</summary>
    [Alias("Now"), AlwaysInterleave]
    Task<BusinessClockView> Now();
}
