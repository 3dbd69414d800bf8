using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Risk.Domain;
using Orleans.Storage;

namespace Orleans.Fin.Risk;

/// <summary>
/// Writing the risk state, whole or in parts (<see cref="WindowPartsPolicy"/>). In parts, the windows live in a cold part
/// stored beside the state under a name of its own, written once and never again, and each write of the state carries
/// runs of it and the records not in it. A new cold part is written before the state that refers to it, and the part it
/// replaces is cleared only after that state is stored: a write that fails or loses its answer, or a second activation,
/// never changes a part a stored state refers to. After a write of the state that failed, whether it was stored is
/// unknown: before the next write the grain reads the stored state's write id (<see cref="RiskState.WriteId"/>). The failed
/// write's id means it was stored (its answer was lost); the id before it means it was not; any other id is another
/// writer's, and the activation writes nothing more and leaves, so the next one reads what is stored.
/// </summary>
public sealed partial class RiskGrain
{
    /// <summary>The cold part the stored state refers to, and its row's ETag (to clear it); null while stored whole.</summary>
    private (RiskWindows Windows, string? ETag)? _part;

    /// <summary>A write of the state that failed, and the cold part it referred to: it may or may not be stored.</summary>
    private (string WriteId, (RiskWindows Windows, string? ETag)? Part)? _uncertainWrite;

    /// <summary>Another writer stored the state: this activation writes nothing more.</summary>
    private bool _superseded;

    private IGrainStorage Storage => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);

    /// <summary>On activation, joins a state stored in parts with the cold part it refers to.</summary>
    private async Task ReadWindowsAsync()
    {
        if (Current.Parts is not { } parts)
        {
            return;
        }

        var stored = new GrainState<RiskWindowsState>();
        await Storage.ReadStateAsync(RiskWindowsState.StateName(parts.Id), this.GetGrainId(), stored);
        try
        {
            if (!stored.RecordExists || stored.State is null)
            {
                throw new FormatException($"The risk state refers to cold part {parts.Id}, which is not stored.");
            }

            var windows = RiskWindows.Read(stored.State);
            windows.Join(Current);
            _part = (windows, stored.ETag);
        }
        catch (FormatException ex)
        {
            LogWindowsUnreadable(logger, ex, CustomerId, parts.Id);
            throw;
        }
    }

    /// <summary>Writes the state: whole, or in parts against the cold part (writing a new one first when it is due).</summary>
    private async Task WriteStateAsync()
    {
        if (_superseded)
        {
            throw new InconsistentStateException($"The risk state of {CustomerId} was stored by another writer; this activation no longer writes it.");
        }

        if (_uncertainWrite is { } uncertain)
        {
            await SettleUncertainWriteAsync(uncertain.WriteId, uncertain.Part);
        }

        if (!Control.WindowsInParts || !WindowPartsPolicy.InParts(_part is not null, RiskWindows.Records(Current)))
        {
            var replaced = _part;
            await WriteAsync(Current, null);
            await ClearPartAsync(replaced);
            return;
        }

        if (_part is { } part)
        {
            var (stored, inline, runs, stale) = part.Windows.Written(Current);
            if (!WindowPartsPolicy.RewriteDue(inline, runs, stale))
            {
                await WriteAsync(stored, part);
                return;
            }
        }

        var next = RiskWindows.Take(Current);
        var row = new GrainState<RiskWindowsState>(next.ToStored()); // a row of its own: no stored state refers to it yet
        await Storage.WriteStateAsync(RiskWindowsState.StateName(next.Id), this.GetGrainId(), row);
        var previous = _part;
        await WriteAsync(next.Written(Current).Stored, (next, row.ETag));
        await ClearPartAsync(previous);
    }

    /// <summary>Writes <paramref name="stored"/> as the state, which refers to <paramref name="part"/> (null: whole).</summary>
    private async Task WriteAsync(RiskState stored, (RiskWindows Windows, string? ETag)? part)
    {
        var current = state.State;
        var known = current.WriteId; // the id of the write stored last, as far as this activation knows
        var write = Guid.NewGuid().ToString("N");
        stored.WriteId = write;
        state.State = stored;
        var written = false;
        try
        {
            await state.WriteStateAsync();
            written = true;
            _part = part;
        }
        catch (InconsistentStateException)
        {
            Supersede();
            throw;
        }
        catch
        {
            _uncertainWrite = (write, part);
            throw;
        }
        finally
        {
            state.State = current;
            current.WriteId = written ? write : known;
        }
    }

    /// <summary>
    /// After a write of the state that failed: reads the stored state (for its write id and its ETag) and so learns whether
    /// that write was stored, and so which cold part the stored state refers to.
    /// </summary>
    private async Task SettleUncertainWriteAsync(string write, (RiskWindows Windows, string? ETag)? part)
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

        if (string.Equals(stored.WriteId, write, StringComparison.Ordinal))
        {
            var replaced = _part;
            _part = part; // it was stored; its answer was lost
            Current.WriteId = write;
            _uncertainWrite = null;
            await ClearPartAsync(replaced);
            return;
        }

        if (!string.Equals(stored.WriteId, Current.WriteId, StringComparison.Ordinal))
        {
            Supersede();
            throw new InconsistentStateException($"The risk state of {CustomerId} was stored by another writer; the activation leaves to read it.");
        }

        // Not stored. A cold part written for it stays unread (its row is left, and never referred to).
        _uncertainWrite = null;
    }

    /// <summary>Clears a cold part no stored state refers to any more; one that cannot be cleared is left, unread.</summary>
    private async Task ClearPartAsync((RiskWindows Windows, string? ETag)? replaced)
    {
        if (replaced is not { } part || (_part is { } kept && ReferenceEquals(kept.Windows, part.Windows)))
        {
            return;
        }

        try
        {
            var row = new GrainState<RiskWindowsState> { ETag = part.ETag, RecordExists = true };
            await Storage.ClearStateAsync(RiskWindowsState.StateName(part.Windows.Id), this.GetGrainId(), row);
        }
        catch (Exception ex)
        {
            LogPartNotCleared(logger, ex, CustomerId, part.Windows.Id);
        }
    }

    private void Supersede()
    {
        _superseded = true;
        DeactivateOnIdle();
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Risk state of {CustomerId} refers to cold part {PartId}, which is not stored or is another; the grain does not activate")]
    private static partial void LogWindowsUnreadable(ILogger logger, Exception exception, string customerId, string partId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk state of {CustomerId} no longer refers to cold part {PartId}, which could not be cleared and is left unread")]
    private static partial void LogPartNotCleared(ILogger logger, Exception exception, string customerId, string partId);
}
