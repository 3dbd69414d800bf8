using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;
using Orleans.Storage;

namespace Orleans.Fin.Risk;

/// <summary>
/// Writing the risk state, whole or in parts (<see cref="WindowPartsPolicy"/>). In parts, the windows live in a cold part
/// stored beside the state in one of two slots, and each write of the state carries runs of it and the records not in it.
/// The cold part is rewritten into the slot the stored state does not refer to, and only then is the state written to
/// refer to it: a failed or lost write leaves the stored state and the part it refers to as they were. After a write of
/// the state that failed, whether it was stored is unknown: before the next write the grain reads the stored state's
/// write count (<see cref="RiskState.Writes"/>) to learn which part it refers to. A count that is neither the failed
/// write's nor the one before it means another writer: the activation leaves, and the next one reads what is stored.
/// </summary>
public sealed partial class RiskGrain
{
    private static readonly string[] WindowSlots = ["riskWindows0", "riskWindows1"];

    /// <summary>The cold part the stored state refers to; null while it is stored whole.</summary>
    private RiskWindows? _windows;

    /// <summary>Each slot's cold part as storage holds it (its ETag); null until read or written by this activation.</summary>
    private readonly StateStorageBridge<RiskWindowsState>?[] _slots = new StateStorageBridge<RiskWindowsState>?[2];

    /// <summary>A write of the state that failed, and the cold part it referred to: it may or may not be stored.</summary>
    private (long Write, RiskWindows? Windows)? _uncertainWrite;

    /// <summary>On activation, joins a state stored in parts with the cold part it refers to.</summary>
    private async Task ReadWindowsAsync()
    {
        if (Current.Parts is not { } parts)
        {
            return;
        }

        try
        {
            var slot = await ReadSlotAsync(parts.Slot);
            var windows = RiskWindows.Read(slot.State, parts.Slot);
            windows.Join(Current);
            _windows = windows;
        }
        catch (Exception ex)
        {
            LogWindowsUnreadable(logger, ex, CustomerId, parts.Slot, parts.Id);
            throw;
        }
    }

    /// <summary>Writes the state: whole, or in parts against the cold part (rewriting that first when it is due).</summary>
    private async Task WriteStateAsync()
    {
        if (_uncertainWrite is { } uncertain)
        {
            await SettleUncertainWriteAsync(uncertain.Write, uncertain.Windows);
        }

        if (!Control.WindowsInParts || (_windows is null && !WindowPartsPolicy.InParts(RiskWindows.Records(Current))))
        {
            await WriteAsync(Current, null);
            return;
        }

        if (_windows is { } windows)
        {
            var (stored, inline, runs, stale) = windows.Written(Current);
            if (!WindowPartsPolicy.RewriteDue(inline, runs, stale))
            {
                await WriteAsync(stored, windows);
                return;
            }
        }

        var next = RiskWindows.Take(Current, _windows is null ? 0 : 1 - _windows.Slot);
        var slot = _slots[next.Slot] ?? await ReadSlotAsync(next.Slot); // an ETag for the slot: it may hold an older part
        slot.State = next.ToStored();
        try
        {
            await slot.WriteStateAsync();
        }
        catch
        {
            _slots[next.Slot] = null; // read again before the next write: the write may have been stored
            throw;
        }

        await WriteAsync(next.Written(Current).Stored, next);
    }

    /// <summary>Writes <paramref name="stored"/> as the state, which refers to <paramref name="windows"/> (null: whole).</summary>
    private async Task WriteAsync(RiskState stored, RiskWindows? windows)
    {
        var current = state.State;
        var write = current.Writes + 1; // the grain's state counts the writes stored: it moves only once this one is
        stored.Writes = write;
        state.State = stored;
        var written = false;
        try
        {
            await state.WriteStateAsync();
            written = true;
            _windows = windows;
        }
        catch (InconsistentStateException)
        {
            DeactivateOnIdle(); // stored by another writer: the next activation reads it
            throw;
        }
        catch
        {
            _uncertainWrite = (write, windows);
            throw;
        }
        finally
        {
            state.State = current;
            current.Writes = written ? write : write - 1;
        }
    }

    /// <summary>
    /// After a write of the state that failed: reads the stored state (for its count and its ETag) and so learns whether
    /// that write was stored, and so which cold part the stored state refers to.
    /// </summary>
    private async Task SettleUncertainWriteAsync(long write, RiskWindows? windows)
    {
        var current = state.State;
        RiskState stored;
        try
        {
            await state.ReadStateAsync();
            stored = state.State;
        }
        finally
        {
            state.State = current;
        }

        if (stored.Writes == write && string.Equals(stored.Parts?.Id, windows?.Id, StringComparison.Ordinal))
        {
            _windows = windows; // it was stored; its answer was lost
            Current.Writes = write;
        }
        else if (stored.Writes != write - 1 || !string.Equals(stored.Parts?.Id, _windows?.Id, StringComparison.Ordinal))
        {
            DeactivateOnIdle();
            throw new InconsistentStateException(
                $"The risk state of {CustomerId} was written elsewhere (write {stored.Writes}, expected {write} or {write - 1}); the activation leaves to read it.");
        }

        _uncertainWrite = null;
    }

    private async Task<StateStorageBridge<RiskWindowsState>> ReadSlotAsync(int slot)
    {
        var bridge = new StateStorageBridge<RiskWindowsState>(
            WindowSlots[slot], GrainContext, ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage));
        await bridge.ReadStateAsync();
        return _slots[slot] = bridge;
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Risk state of {CustomerId} refers to cold part {PartId} in slot {Slot}, which could not be read or does not match; the grain does not activate")]
    private static partial void LogWindowsUnreadable(ILogger logger, Exception exception, string customerId, int slot, string partId);
}
