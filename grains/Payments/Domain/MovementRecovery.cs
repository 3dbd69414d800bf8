namespace Orleans.Fin.Payments.Domain;

/// <summary>What a movement asked to resume has left to do.</summary>
public enum RecoveryStep
{
    /// <summary>No plan was ever written (the write-ahead failed or never ran): leave the pending index.</summary>
    Forget = 0,

    /// <summary>The plan is durable and undecided: post the legs not yet applied and decide.</summary>
    Drive = 1,

    /// <summary>Declined after some legs were applied: reverse those legs (idempotent), then settle.</summary>
    Compensate = 2,

    /// <summary>Final and nothing to undo: settle the legs on their accounts and leave the index.</summary>
    Settle = 3,
}

/// <summary>
/// The recovery decisions of the money-movement saga: which pending movements a sweep asks to resume, and what a
/// movement does when asked. Pure: time and state are passed in.
/// </summary>
public static class MovementRecovery
{
    /// <summary>A movement younger than this is most likely still running its first request: sweeps leave it alone.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The movements planned at least <see cref="Grace"/> before <paramref name="now"/> and not already being resumed,
    /// oldest first, at most <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> Stale(
        IReadOnlyDictionary<string, DateTimeOffset> pending, IReadOnlySet<string> resuming, DateTimeOffset now, int max) =>
        [.. pending
            .Where(p => now - p.Value >= Grace && !resuming.Contains(p.Key))
            .OrderBy(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(max)
            .Select(p => p.Key)];

    public static RecoveryStep Next(bool exists, MovementStatus status, bool anyLegToUndo) => (exists, status) switch
    {
        (false, _) => RecoveryStep.Forget,
        (true, MovementStatus.Pending) => RecoveryStep.Drive,
        (true, MovementStatus.Declined) when anyLegToUndo => RecoveryStep.Compensate,
        _ => RecoveryStep.Settle,
    };
}
