using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;
using Orleans.Configuration;
using Orleans.Fin.Common;
using Orleans.Fin.Payments.Domain;

namespace Orleans.Fin.Payments;

/// <summary>
/// One shard of the durable index of movements that are not final. Reentrant: concurrent additions share one write
/// (group commit), and a sweep never awaits the movements it resumes, so no movement can wait on this shard while
/// it waits on the movement. The entries are hints: a stale one only costs a resume that finds the movement final.
/// </summary>
[Reentrant]
public sealed partial class PendingMovementsGrain(
    [PersistentState("pending-movements", FinNames.Storage)] IPersistentState<PendingMovementsState> state,
    IOptions<ReminderOptions> reminders,
    TimeProvider clock,
    ILogger<PendingMovementsGrain> logger) : Grain, IPendingMovementsGrain, IRemindable
{
    /// <summary>How often an active shard sweeps (and writes removals that no addition has carried).</summary>
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(3);

    /// <summary>The reminder that reactivates the shard after a crash, at the shortest period the silo allows (≥ 10 s).</summary>
    public static readonly TimeSpan ReminderPeriod = TimeSpan.FromSeconds(10);

    private const int MaxResumesPerSweep = 256;

    private readonly HashSet<string> _resuming = new(StringComparer.Ordinal);
    private Dictionary<string, DateTimeOffset> _entries = new(StringComparer.Ordinal);
    private bool _dirty;
    private SharedWrite? _write;

    private SharedWrite Write => _write ??= new SharedWrite(WriteEntriesAsync, WriteFailed);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _entries = new Dictionary<string, DateTimeOffset>(state.State.Entries, StringComparer.Ordinal);
        this.RegisterGrainTimer(_ => Sweep(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = true, KeepAlive = true });
        var period = reminders.Value.MinimumReminderPeriod > ReminderPeriod ? reminders.Value.MinimumReminderPeriod : ReminderPeriod;
        try
        {
            await this.RegisterOrUpdateReminder(FinNames.PendingMovementsReminder, period, period, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogReminderFailed(logger, ex, this.GetPrimaryKeyLong()); // the timer still sweeps while this activation lives
        }

        await Sweep();
    }

    public Task Add(string movementId, DateTimeOffset plannedAt)
    {
        if (_entries.ContainsKey(movementId) && !_dirty && !Write.Writing)
        {
            return Task.CompletedTask; // already durable
        }

        _entries[movementId] = plannedAt;
        return Persist();
    }

    public Task RemoveMany(string[] movementIds)
    {
        foreach (var movementId in movementIds)
        {
            _resuming.Remove(movementId);
            if (_entries.Remove(movementId))
            {
                _dirty = true; // written with the next addition or sweep: a stale entry is harmless
            }
        }

        return Task.CompletedTask;
    }

    public Task<bool> Contains(string movementId) => Task.FromResult(_entries.ContainsKey(movementId));

    public Task<PendingSummary> Summary() =>
        Task.FromResult(new PendingSummary(_entries.Count, _entries.Count == 0 ? null : _entries.Values.Min()));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Sweep();

    private Task Sweep()
    {
        if (_dirty && !Write.Writing)
        {
            _ = Persist().ContinueWith(
                t => LogWriteFailed(logger, t.Exception!, this.GetPrimaryKeyLong()),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Current);
        }

        foreach (var movementId in MovementRecovery.Stale(_entries, _resuming, clock.GetUtcNow(), MaxResumesPerSweep))
        {
            _resuming.Add(movementId);
            _ = ResumeWithoutWaiting(movementId);
        }

        return Task.CompletedTask;
    }

    /// <summary>Asks the movement to finish; this shard is reentrant, so the wait blocks none of its calls.</summary>
    private async Task ResumeWithoutWaiting(string movementId)
    {
        try
        {
            await GrainFactory.GetGrain<IMoneyMovementGrain>(movementId).Resume();
        }
        catch (Exception ex)
        {
            LogResumeFailed(logger, ex, movementId);
        }
        finally
        {
            _resuming.Remove(movementId);
        }
    }

    /// <summary>Every caller waiting here is answered by the first write that starts after its change.</summary>
    private Task Persist()
    {
        _dirty = true;
        return Write.Request();
    }

    private Task WriteEntriesAsync()
    {
        _dirty = false;
        state.State = new PendingMovementsState { Entries = new Dictionary<string, DateTimeOffset>(_entries, StringComparer.Ordinal) };
        return state.WriteStateAsync();
    }

    private FinException WriteFailed(Exception ex)
    {
        _dirty = true;
        DeactivateOnIdle(); // the stored etag is unknown now: the next activation reads what was committed
        return new FinException(FinErrorCode.Unavailable, $"The movement could not be recorded ({ex.GetType().Name}); retry.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending-movements shard {Shard} could not register its reminder")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, long shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pending-movements shard {Shard} could not write its removals")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, long shard);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Movement {MovementId} could not be resumed; the next sweep asks again")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string movementId);
}
