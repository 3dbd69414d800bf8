using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Storage;

namespace Orleans.Fin.Accounts;

/// <summary>
/// The account's settled-leg archive (<see cref="SettledLegsState"/>, stored beside its own state): read when the account
/// activates only if it may have one (<see cref="LegRetention.MayHaveArchive"/>), else before the first move there, and
/// written before the account's own write that drops the legs it took (<see cref="LegRetention.Archive"/>).
/// </summary>
public sealed partial class AccountGrain
{
    /// <summary>The name the archive is stored under, as it always was.</summary>
    private const string ArchiveStateName = "settledLegs";

    /// <summary>The archive as storage holds it; null until it is read.</summary>
    private StateStorageBridge<SettledLegsState>? _archive;

    /// <summary>The archived batches the account looks a leg up in: none when it has not read an archive, for it has none.</summary>
    private IReadOnlyList<SettledLegs> ArchivedLegs => _archive?.State.Batches ?? [];

    /// <summary>
    /// On activation, reads the archive of an account that may have one. A state older than the flag learns whether it
    /// has one, and stores that with its next change.
    /// </summary>
    private async Task ReadArchiveIfAnyAsync()
    {
        if (LegRetention.MayHaveArchive(_committed))
        {
            var archive = await ReadArchiveAsync();
            _committed.Archived |= archive.RecordExists || archive.State.Batches.Count > 0;
        }
    }

    /// <summary>
    /// When the settled legs of <paramref name="next"/> are due to move, stores the archive with them. The archive is read
    /// first if this activation has not: a move whose account write was lost may have stored legs there already.
    /// </summary>
    private async Task ArchiveIfDueAsync(AccountState next, DateTimeOffset now)
    {
        if (!LegRetention.ArchiveDue(next))
        {
            return;
        }

        var archive = _archive ?? await ReadArchiveBeforeMoveAsync();
        if (LegRetention.Archive(next, archive.State.Batches, now) is { } batches)
        {
            await StoreArchive(archive, batches); // before the account's own write drops the legs it moved
        }
    }

    /// <summary>Reads the archive from storage; kept only once read.</summary>
    private async Task<StateStorageBridge<SettledLegsState>> ReadArchiveAsync()
    {
        var archive = new StateStorageBridge<SettledLegsState>(
            ArchiveStateName, GrainContext, ServiceProvider.GetRequiredKeyedService<IGrainStorage>(FinNames.Storage));
        await archive.ReadStateAsync();
        return _archive = archive;
    }

    /// <summary>The archive read for a move; when it cannot be read, the call fails with nothing changed.</summary>
    private async Task<StateStorageBridge<SettledLegsState>> ReadArchiveBeforeMoveAsync()
    {
        try
        {
            return await ReadArchiveAsync();
        }
        catch (Exception ex)
        {
            LogArchiveReadFailed(logger, ex, Id);
            throw new FinException(FinErrorCode.Unavailable, "The account could not read its settled legs; nothing was changed, retry.");
        }
    }

    /// <summary>
    /// Writes the archive. On failure the call fails with nothing changed in the account; the archive reloads what
    /// storage holds, which may already include the legs (they are then in both, which is harmless).
    /// </summary>
    private Task StoreArchive(StateStorageBridge<SettledLegsState> archive, List<SettledLegs> batches)
    {
        archive.State = new SettledLegsState { Batches = batches };
        return DurableState.CommitAsync(archive, DeactivateOnIdle);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not read its settled-leg archive; the change was not applied")]
    private static partial void LogArchiveReadFailed(ILogger logger, Exception exception, string accountId);
}
