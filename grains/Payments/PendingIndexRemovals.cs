using Orleans.Fin.Common;

namespace Orleans.Fin.Payments;

/// <summary>
/// Carries the "final: leave the index" notices of this silo's movements to the pending-movements shards together:
/// one one-way call a shard every <see cref="FlushPeriod"/> at most, instead of one call a payment. The index has only
/// <see cref="IPendingMovementsGrain.Shards"/> shards, so under load every flush carries many removals whatever the
/// number of customers.
/// </summary>
/// <remarks>
/// A removal is a hint and was already sent without waiting: a notice lost with its silo (or still waiting here when
/// the silo dies) leaves a stale entry, which the shard's sweep resumes after <see cref="Domain.MovementRecovery.Grace"/>;
/// the movement finds itself final and the notice is sent again. Entries only ever leave the index later than before,
/// never earlier, so recovery finds every movement it found before.
/// </remarks>
public sealed class PendingIndexRemovals : IDisposable
{
    /// <summary>How long a notice may wait for others bound for the same shard.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IGrainFactory _grains;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private List<string>?[] _waiting = new List<string>?[IPendingMovementsGrain.Shards];
    private bool _scheduled;

    public PendingIndexRemovals(IGrainFactory grains)
    {
        _grains = grains;

        // The wall clock, not the business clock grains read: a notice must leave on time whatever day the bank's clock shows.
        _timer = TimeProvider.System.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Queues the notice that <paramref name="movementId"/> is final; it leaves with its shard's next flush.</summary>
    public void Remove(string movementId)
    {
        var shard = IPendingMovementsGrain.ShardOf(movementId);
        lock (_gate)
        {
            (_waiting[shard] ??= []).Add(movementId);
            if (!_scheduled)
            {
                _scheduled = true;
                _timer.Change(FlushPeriod, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Sends what is waiting now, one call a shard.</summary>
    public void Flush()
    {
        List<string>?[] due;
        lock (_gate)
        {
            due = _waiting;
            _waiting = new List<string>?[IPendingMovementsGrain.Shards];
            _scheduled = false;
        }

        for (var shard = 0; shard < due.Length; shard++)
        {
            if (due[shard] is { Count: > 0 } ids)
            {
                _grains.Get<IPendingMovementsGrain>(shard).RemoveMany([.. ids]).Ignore();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
