using System.Text.Json;
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
/// never changes a part a stored state refers to. After writes of the state that failed, whether one was stored is
/// unknown: before the next write the grain reads the stored state's write id (<see cref="RiskState.WriteId"/>). A failed
/// write's id means it was stored (its answer was lost); the id stored last means none was; any other id is another
/// writer's, and the activation writes and acts on nothing more and leaves, so the next one reads what is stored. Parts
/// nobody refers to (a replaced one, one of a write refused or of writes that can no longer be stored) are cleared.
/// </summary>
public sealed partial class RiskGrain
{
    /// <summary>The cold part the stored state refers to; null while stored whole.</summary>
    private StoredPart? _part;

    /// <summary>
    /// Writes of the state that failed since the last one stored, each with the cold part it referred to: any of them may
    /// have been stored. The next write stored proves none of them can be, and clears their parts.
    /// </summary>
    private readonly List<(string WriteId, StoredPart? Part, bool NewPart)> _unanswered = [];

    /// <summary>More failed writes than this in a row, and the activation leaves (each may hold a cold part).</summary>
    private const int MaxUnansweredWrites = 8;

    /// <summary>How many of <see cref="_unanswered"/> the stored state was last read for.</summary>
    private int _settled;

    /// <summary>Another writer stored the state: this activation writes nothing more, and acts on nothing more.</summary>
    private bool _superseded;

    private IGrainStorage Storage => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage);

    /// <summary>On activation, joins a state stored in parts with the cold part it refers to.</summary>
    private async Task ReadWindowsAsync()
    {
        if (Current.Parts is not { } parts)
        {
            return;
        }

        try
        {
            var stored = new GrainState<RiskWindowsState>();
            await Storage.ReadStateAsync(RiskWindowsState.StateName(parts.Id), this.GetGrainId(), stored);
            if (!stored.RecordExists || stored.State is null)
            {
                throw new FormatException($"The risk state refers to cold part {parts.Id}, which is not stored.");
            }

            var windows = RiskWindows.Read(stored.State);
            windows.Join(Current);
            _part = new(windows, stored.ETag);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or ArgumentException)
        {
            LogWindowsUnreadable(logger, ex, CustomerId, parts.Id);
            throw;
        }
        catch (Exception ex)
        {
            LogWindowsNotRead(logger, ex, CustomerId, parts.Id);
            throw;
        }
    }

    /// <summary>Writes the state: whole, or in parts against the cold part (writing a new one first when it is due).</summary>
    private async Task WriteStateAsync()
    {
        ThrowIfSuperseded();
        if (!Control.WindowsInParts || !WindowPartsPolicy.InParts(_part is not null, RiskWindows.Records(Current), Control.WindowsInPartsFrom))
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
        try
        {
            await Storage.WriteStateAsync(RiskWindowsState.StateName(next.Id), this.GetGrainId(), row);
        }
        catch
        {
            await ForgetPartAsync(next.Id); // it may have been stored: nothing will ever refer to it
            throw;
        }

        var previous = _part;
        await WriteAsync(next.Written(Current).Stored, new(next, row.ETag));
        await ClearPartAsync(previous);
    }

    /// <summary>Writes <paramref name="stored"/> as the state, which refers to <paramref name="part"/> (null: whole).</summary>
    private async Task WriteAsync(RiskState stored, StoredPart? part)
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
        catch (InconsistentStateException) when (_unanswered.Count > 0)
        {
            // Refused, perhaps for an unanswered write of this activation that was stored after it was settled: read again.
            state.State = current;
            current.WriteId = known;
            await ClearPartAsync(part); // this write was not stored, and its part is nobody's
            _settled = 0;
            await SettleUnansweredWritesAsync(); // adopts that write, or finds another writer's and supersedes
            throw new FinException(FinErrorCode.Unavailable, "The risk state was stored by an earlier write whose answer came late; retry.");
        }
        catch (InconsistentStateException)
        {
            Supersede();
            state.State = current;
            await ClearPartAsync(part); // refused: this write was not stored, and its part is nobody's
            throw;
        }
        catch
        {
            _unanswered.Add((write, part, part != _part));
            if (_unanswered.Count > MaxUnansweredWrites)
            {
                Supersede(); // storage keeps failing: the next activation reads what is stored rather than pile up parts
            }

            throw;
        }
        finally
        {
            state.State = current;
            current.WriteId = written ? write : known;
        }

        await ClearUnansweredPartsAsync();
    }

    /// <summary>
    /// Before anything is acted on or written after writes of the state that failed: reads the stored state (for its write
    /// id and its ETag) and so learns which of them was stored, if any, and so which cold part the stored state refers to;
    /// or that another writer stored it, and this activation is superseded.
    /// </summary>
    private async Task SettleUnansweredWritesAsync()
    {
        ThrowIfSuperseded();
        if (_unanswered.Count == _settled)
        {
            return;
        }

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

        if (_unanswered.FindIndex(w => string.Equals(w.WriteId, stored.WriteId, StringComparison.Ordinal)) is var landed and >= 0)
        {
            var replaced = _part;
            _part = _unanswered[landed].Part; // it was stored; its answer was lost
            Current.WriteId = stored.WriteId;
            _unanswered.RemoveAt(landed);
            await ClearPartAsync(replaced);
        }
        else if (!string.Equals(stored.WriteId, Current.WriteId, StringComparison.Ordinal))
        {
            Supersede();
            throw new InconsistentStateException($"The risk state of {CustomerId} was stored by another writer; the activation leaves to read it.");
        }

        _settled = _unanswered.Count;
    }

    /// <summary>After a write stored: the unanswered writes before it can no longer be stored, and the parts they wrote are nobody's.</summary>
    private async Task ClearUnansweredPartsAsync()
    {
        foreach (var (_, part, newPart) in _unanswered)
        {
            if (newPart)
            {
                await ClearPartAsync(part);
            }
        }

        _unanswered.Clear();
        _settled = 0;
    }

    /// <summary>Clears a cold part no stored state refers to; one that cannot be cleared is left, unread.</summary>
    private async Task ClearPartAsync(StoredPart? replaced)
    {
        if (replaced is not { } part || part == _part)
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

    /// <summary>Clears a part whose own write failed, if it was stored after all (read first, for its ETag).</summary>
    private async Task ForgetPartAsync(string id)
    {
        try
        {
            var row = new GrainState<RiskWindowsState>();
            await Storage.ReadStateAsync(RiskWindowsState.StateName(id), this.GetGrainId(), row);
            if (row.RecordExists)
            {
                await Storage.ClearStateAsync(RiskWindowsState.StateName(id), this.GetGrainId(), row);
            }
        }
        catch (Exception ex)
        {
            LogPartNotCleared(logger, ex, CustomerId, id);
        }
    }

    private void Supersede()
    {
        _superseded = true;
        DeactivateOnIdle();
    }

    private void ThrowIfSuperseded()
    {
        if (_superseded)
        {
            throw new InconsistentStateException($"The risk state of {CustomerId} was stored by another writer; this activation no longer writes or acts on it.");
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Risk state of {CustomerId} refers to cold part {PartId}, which is not stored, is another or does not read; the grain does not activate")]
    private static partial void LogWindowsUnreadable(ILogger logger, Exception exception, string customerId, string partId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk state of {CustomerId}: cold part {PartId} could not be read; the activation fails and the next call tries again")]
    private static partial void LogWindowsNotRead(ILogger logger, Exception exception, string customerId, string partId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Risk state of {CustomerId} no longer refers to cold part {PartId}, which could not be cleared and is left unread")]
    private static partial void LogPartNotCleared(ILogger logger, Exception exception, string customerId, string partId);

    /// <summary>A cold part as this activation knows it is stored: its windows, and its row's ETag (to clear it).</summary>
    private sealed record StoredPart(RiskWindows Windows, string? ETag);
}
