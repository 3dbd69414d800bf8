using Orleans.Concurrency;
using Orleans.Fin.Common;

namespace Orleans.Fin.Payments;

/// <summary>
/// A durable index of movements that are not final yet, sharded by movement id (key 0 … <see cref="Shards"/> - 1).
/// A movement enters it before its plan is written and leaves it once its outcome is. Each shard sweeps its entries on
/// activation, on a timer while active and on a reminder after a crash, and asks stale movements to resume without
/// waiting for them, so recovery needs no client and cannot deadlock.
/// </summary>
[Alias("fin.IPendingMovementsGrain")]
public interface IPendingMovementsGrain : IGrainWithIntegerKey
{
    public const int Shards = 16;

    /// <summary>Records the movement durably; returns once the entry is written.</summary>
    [Alias("Add")]
    Task Add(string movementId, DateTimeOffset plannedAt);

    /// <summary>These movements are final; their entries go with the shard's next write.</summary>
    [OneWay]
    [Alias("RemoveMany")]
    Task RemoveMany(string[] movementIds);

    /// <summary>Whether the movement is still waiting to become final.</summary>
    [AlwaysInterleave]
    [Alias("Contains")]
    Task<bool> Contains(string movementId);

    [AlwaysInterleave]
    [Alias("Summary")]
    Task<PendingSummary> Summary();

    public static long ShardOf(string movementId) => ShardHash.Fnv1a(movementId) % Shards;
}
