using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;

namespace Orleans.Fin.Payments;

/// <summary>
/// Carries the "final: leave the index" notices of this silo's final movements to the pending-movements shards together:
/// one one-way call a shard every <see cref="FlushPeriod"/> at most, instead of one call a payment. The index has only
/// <see cref="IPendingMovementsGrain.Shards"/> shards, so under load every flush carries many removals whatever the
/// number of customers.
/// </summary>
/// <remarks>
/// A removal is a hint and was already sent without waiting: a notice lost with its silo (or still waiting here when
/// the silo dies) leaves a stale entry, which the shard's sweep resumes after <see cref="Domain.MovementRecovery.Grace"/>;
/// the movement finds itself final and the notice is sent again. Only final movements (Completed or Declined) come
/// here: they never enter the index again, so a late notice can only remove an entry nobody needs. A movement that may
/// still enter it (no plan yet, or waiting for a one-time code) leaves with a call of its own, ahead of any retry.
/// </remarks>
public sealed partial class PendingIndexRemovals : IDisposable
{
    /// <summary>How long a notice may wait for others bound for the same shard.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromMilliseconds(100);

    private readonly IGrainFactory _grains;
    private readonly ILogger<PendingIndexRemovals> _logger;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private List<string>?[] _waiting = new List<string>?[IPendingMovementsGrain.Shards];
    private bool _scheduled;

    public PendingIndexRemovals(IGrainFactory grains, ILogger<PendingIndexRemovals> logger)
    {
        _grains = grains;
        _logger = logger;

        // The wall clock, not the business clock grains read: a notice must leave on time whatever day the bank's clock
        // shows. Made without the creating call's execution context (the first movement activation builds this), so no
        // flush carries that request's context.
        using (ExecutionContext.SuppressFlow())
        {
            _timer = TimeProvider.System.CreateTimer(_ => Flush(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
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
                try
                {
                    _grains.Get<IPendingMovementsGrain>(shard).RemoveMany([.. ids]).Ignore();
                }
                catch (Exception ex)
                {
                    // A silo shutting down may refuse the call at once; this runs on a timer, where an exception would
                    // end the process. The entries stay and the sweep removes them.
                    LogSendFailed(_logger, ex, ids.Count, shard);
                }
            }
        }
    }

    public void Dispose() => _timer.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} removals for pending-movements shard {Shard} could not be sent; its sweep removes them")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, int count, int shard);
}
