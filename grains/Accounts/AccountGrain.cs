using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Accounts;

/// <summary>
/// An account and its ledger. Every change is built on a copy of the committed state and becomes visible only once
/// its write has committed (write, then apply); a failed write leaves the activation as if the call never happened.
/// Reads interleave with postings and see only committed state. The account never waits on a movement: legs left in
/// flight too long make it ask their movements to finish without waiting for the answer. Settled legs beyond the newest
/// few live in a second state, written only when they move there (<see cref="LegRetention.Archive"/>) and read only by an
/// account that may have one (<see cref="LegRetention.MayHaveArchive"/>).
/// </summary>
public sealed partial class AccountGrain(
    [PersistentState("account", FinNames.Storage)] IPersistentState<AccountState> state,
    IOptions<AccountLimitsOptions> limits,
    TimeProvider clock,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    /// <summary>How often one activation asks the movements of stale legs to finish, at most.</summary>
    private static readonly TimeSpan RecoveryPingInterval = TimeSpan.FromSeconds(30);

    /// <summary>Legs whose movements said they are final, settled with the next write; made when the first arrives.</summary>
    private HashSet<string>? _released;
    private AccountState _committed = new();
    private DateTimeOffset _lastRecoveryPing = DateTimeOffset.MinValue;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _committed = state.State;
        LegRetention.Upgrade(_committed);
        await ReadArchiveIfAnyAsync();
        if (AccountSchema.NeedsRegistering(_committed))
        {
            await RegisterOpenedEarlierAsync();
        }
        else
        {
            _committed.SchemaVersion = AccountSchema.Current;
        }

        if (!_committed.Opened && SystemAccounts.Parse(Id) is { } system)
        {
            // The bank's own accounts exist implicitly; they are written on their first posting.
            _committed.Opened = true;
            _committed.Kind = system.Kind;
            _committed.Currency = system.Currency;
            _committed.CustomerId = "bank";
            _committed.OpenedAt = clock.GetUtcNow();
        }

        AskStaleMovementsToFinish();
    }

    /// <summary>
    /// An account opened before the registry existed joins it, so the integrity check counts it. The new schema version
    /// is stored with the next write; a failed registration is tried again on the next activation.
    /// </summary>
    private async Task RegisterOpenedEarlierAsync()
    {
        try
        {
            await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Id)).Register(Id);
            _committed.SchemaVersion = AccountSchema.Current;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRegistrationDeferred(logger, ex, Id);
        }
    }

    public async Task<AccountView> Open(AccountOpening opening)
    {
        if (_committed.Opened)
        {
            if (_committed.CustomerId != opening.CustomerId || _committed.Currency != opening.Currency)
            {
                throw new FinException(FinErrorCode.Conflict, "The account already exists.");
            }

            return View(_committed);
        }

        // Registered first, so the integrity check never misses an opened account.
        await GrainFactory.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.ShardOf(Id)).Register(Id);
        var next = _committed.Copy();
        next.Opened = true;
        next.Kind = AccountKind.Customer;
        next.CustomerId = opening.CustomerId;
        next.Currency = opening.Currency;
        next.Status = AccountStatus.Active;
        next.OpenedAt = clock.GetUtcNow();
        await Commit(next);
        return View(next);
    }

    public Task<AccountView?> Get() => Task.FromResult(_committed.Opened ? View(_committed) : null);

    public async Task<PostingOutcome> Post(Posting posting)
    {
        var current = _committed;
        EnsureOpen(current);
        if (posting.ExpectedOwner is { } owner && owner != current.CustomerId)
        {
            throw new FinException(FinErrorCode.Forbidden, "The account does not belong to the requester.");
        }

        if (LegRetention.Knows(current, ArchivedLegs, posting.TransferId))
        {
            return new PostingOutcome(true, null, current.Balance, current.CustomerId); // a repeated leg: already applied
        }

        var now = clock.GetUtcNow();
        var day = limits.Value.BusinessDay(now);
        if (AccountLedger.Check(current, posting, day, limits.Value.LimitFor(current.Currency)) is { } decline)
        {
            return new PostingOutcome(false, decline, current.Balance, current.CustomerId);
        }

        var next = await NextState(current, now);
        AccountLedger.Apply(next, posting, now, day);
        await Commit(next);
        return new PostingOutcome(true, null, next.Balance, next.CustomerId);
    }

    public async Task Reverse(string transferId)
    {
        var current = _committed;
        EnsureOpen(current);
        if (!AccountLedger.CanReverse(current, transferId))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var next = await NextState(current, now);
        AccountLedger.Reverse(next, transferId, now);
        await Commit(next);
    }

    public Task Release(string transferId)
    {
        // Not written on its own: the next write settles it. A leg still unsettled after a restart makes the account
        // ask its movement again, which releases it again.
        if (_committed.InFlight.ContainsKey(transferId))
        {
            (_released ??= new HashSet<string>(StringComparer.Ordinal)).Add(transferId);
        }

        return Task.CompletedTask;
    }

    public async Task<AccountView> Freeze(FreezeCommand command)
    {
        EnsureCustomerAccount();
        if (_committed.Status == AccountStatus.Frozen)
        {
            return View(_committed);
        }

        var now = clock.GetUtcNow();
        var next = _committed.Copy();
        Record(next, now, AccountStatus.Frozen, command);
        next.FreezeReason = command.Reason;
        next.FrozenAt = now;
        next.FrozenBy = command.By;
        next.FreezeCaseId = command.CaseId;
        await Commit(next);
        FinMetrics.Freezes.Add(1);
        LogStatusChanged(logger, Id, AccountStatus.Frozen, command.By);
        return View(next);
    }

    public async Task<AccountView> Unfreeze(FreezeCommand command)
    {
        EnsureCustomerAccount();
        if (_committed.Status != AccountStatus.Frozen)
        {
            return View(_committed);
        }

        var next = _committed.Copy();
        Record(next, clock.GetUtcNow(), AccountStatus.Active, command);
        next.FreezeReason = null;
        next.FrozenAt = null;
        next.FrozenBy = null;
        next.FreezeCaseId = null;
        await Commit(next);
        FinMetrics.Unfreezes.Add(1);
        LogStatusChanged(logger, Id, AccountStatus.Active, command.By);
        return View(next);
    }

    public async Task<EntryPage> GetEntries(long? before, int limit)
    {
        var snapshot = _committed; // a posting may commit while this read waits on a segment
        EnsureOpen(snapshot);
        var (first, last) = AccountLedger.PageRange(snapshot, before, limit);
        var items = new List<LedgerEntry>(limit);
        var firstRecent = (long)snapshot.SealedSegments * AccountLedger.SegmentSize + 1;
        IReadOnlyList<LedgerEntry>? segment = null;
        var segmentNo = -1;
        for (var seq = first; seq >= last; seq--)
        {
            if (seq >= firstRecent)
            {
                items.Add(EntryMapping.ToEntry(Id, snapshot.Recent[(int)(seq - firstRecent)]));
                continue;
            }

            if (AccountLedger.SegmentOf(seq) != segmentNo)
            {
                segmentNo = AccountLedger.SegmentOf(seq);
                segment = await GrainFactory.GetGrain<ILedgerSegmentGrain>($"{Id}/{segmentNo}").Get();
            }

            items.Add(segment![(int)((seq - 1) % AccountLedger.SegmentSize)]);
        }

        return new EntryPage(items, last > 1 && items.Count > 0 ? last : null);
    }

    /// <summary>
    /// A copy of the committed state to apply a change to, with released legs settled and, when the committed entries
    /// fill a segment, that segment stored first: only committed entries are ever sealed, and the account counts the
    /// segment as sealed in the same write as the change.
    /// </summary>
    private async Task<AccountState> NextState(AccountState current, DateTimeOffset now)
    {
        var chunk = AccountLedger.SegmentToSeal(current);
        if (chunk is not null)
        {
            await GrainFactory.Get<ILedgerSegmentGrain>($"{Id}/{current.SealedSegments}")
                .Store([.. chunk.Select(e => EntryMapping.ToEntry(Id, e))]);
        }

        var next = current.Copy();
        if (chunk is not null)
        {
            AccountLedger.MarkSealed(next);
        }

        LegRetention.Settle(next, (IEnumerable<string>?)_released ?? [], now);
        await ArchiveIfDueAsync(next, now);
        return next;
    }

    private async Task Commit(AccountState next)
    {
        var committed = _committed;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            await ReloadAfterFailedWrite(committed);
            LogWriteFailed(logger, ex, Id);
            throw new FinException(FinErrorCode.Unavailable, "The account could not record the change; nothing was changed, retry.");
        }

        _committed = next;
        if (_released?.RemoveWhere(id => !next.InFlight.ContainsKey(id)) is not null && _released.Count == 0)
        {
            _released = null;
        }
        AskStaleMovementsToFinish();
    }

    /// <summary>The write may or may not have committed: read what storage holds, or start afresh on the next call.</summary>
    private async Task ReloadAfterFailedWrite(AccountState committed)
    {
        state.State = committed;
        try
        {
            await state.ReadStateAsync();
            LegRetention.Upgrade(state.State);
            if (state.State.Opened || !SystemAccounts.IsSystem(Id))
            {
                _committed = state.State;
            }
            else
            {
                state.State = committed; // a system account never written: the implicit state stands
            }
        }
        catch (Exception)
        {
            state.State = committed;
            DeactivateOnIdle();
        }
    }

    /// <summary>Legs in flight for too long: their movements are asked to finish, without waiting for them.</summary>
    private void AskStaleMovementsToFinish()
    {
        var now = clock.GetUtcNow();
        if (now - _lastRecoveryPing < RecoveryPingInterval)
        {
            return;
        }

        var stale = LegRetention.Stale(_committed, now);
        if (stale.Count == 0)
        {
            return;
        }

        _lastRecoveryPing = now;
        foreach (var transferId in stale)
        {
            _ = AskToFinish(transferId);
        }
    }

    private async Task AskToFinish(string transferId)
    {
        try
        {
            await GrainFactory.GetGrain<IMoneyMovementGrain>(transferId).Resume();
        }
        catch (Exception ex)
        {
            LogResumeFailed(logger, ex, Id, transferId);
        }
    }

    private static void Record(AccountState account, DateTimeOffset at, AccountStatus to, FreezeCommand command)
    {
        account.History.Add(new StatusChange { At = at, From = account.Status, To = to, Reason = command.Reason, By = command.By, CaseId = command.CaseId });
        account.Status = to;
    }

    private static void EnsureOpen(AccountState account)
    {
        if (!account.Opened)
        {
            throw FinException.NotFound("Account");
        }
    }

    private void EnsureCustomerAccount()
    {
        EnsureOpen(_committed);
        if (_committed.Kind != AccountKind.Customer)
        {
            throw new FinException(FinErrorCode.BusinessRule, "Only customer accounts can be frozen or unfrozen.");
        }
    }

    private AccountView View(AccountState account)
    {
        var now = clock.GetUtcNow();
        var available = account.Status == AccountStatus.Active ? account.Balance : 0m;
        return new AccountView(
            Id, account.CustomerId, account.Currency, account.Kind, account.Balance, available, account.Status, account.FreezeReason,
            account.FrozenAt, account.FrozenBy, account.OpenedAt, limits.Value.LimitFor(account.Currency),
            AccountLedger.SpentOn(account, limits.Value.BusinessDay(now)), account.FreezeCaseId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} is now {Status} (by {By})")]
    private static partial void LogStatusChanged(ILogger logger, string accountId, AccountStatus status, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not write a change; it was not applied")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not ask movement {TransferId} to finish")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string accountId, string transferId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not join the account registry; it tries again on its next activation")]
    private static partial void LogRegistrationDeferred(ILogger logger, Exception exception, string accountId);
}
