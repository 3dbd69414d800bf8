using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Fin.Accounts.Domain;
using Orleans.Fin.Common;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Accounts;

public sealed partial class AccountGrain(
    [PersistentState("account", FinNames.Storage)] IPersistentState<AccountState> state,
    IOptions<AccountLimitsOptions> limits,
    TimeProvider clock,
    ILogger<AccountGrain> logger) : Grain, IAccountGrain
{
    /// <summary>How long a leg may stay in flight before this account asks its movement to finish.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(10);

    private IGrainTimer? _recoveryTimer;

    private AccountState S => state.State;

    private string Id => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!S.Opened && SystemAccounts.Parse(Id) is { } system)
        {
            // The bank's own accounts exist implicitly; they are written on their first posting.
            S.Opened = true;
            S.Kind = system.Kind;
            S.Currency = system.Currency;
            S.CustomerId = "bank";
            S.OpenedAt = clock.GetUtcNow();
        }

        EnsureRecoveryTimer();
        return Task.CompletedTask;
    }

    public async Task<AccountView> Open(AccountOpening opening)
    {
        if (S.Opened)
        {
            if (S.CustomerId != opening.CustomerId || S.Currency != opening.Currency)
            {
                throw new FinException(FinErrorCode.Conflict, "The account already exists.");
            }

            return View();
        }

        S.Opened = true;
        S.Kind = AccountKind.Customer;
        S.CustomerId = opening.CustomerId;
        S.Currency = opening.Currency;
        S.Status = AccountStatus.Active;
        S.OpenedAt = clock.GetUtcNow();
        await state.WriteStateAsync();
        return View();
    }

    public Task<AccountView?> Get() => Task.FromResult(S.Opened ? View() : null);

    public async Task<PostingOutcome> Post(Posting posting)
    {
        EnsureOpen();
        if (posting.ExpectedOwner is { } owner && owner != S.CustomerId)
        {
            throw new FinException(FinErrorCode.Forbidden, "The account does not belong to the requester.");
        }

        if (S.InFlight.ContainsKey(posting.TransferId))
        {
            return new PostingOutcome(true, null, S.Balance, S.CustomerId); // a repeated leg: already applied
        }

        var now = clock.GetUtcNow();
        var day = limits.Value.BusinessDay(now);
        if (AccountLedger.Check(S, posting, day, limits.Value.LimitFor(S.Currency)) is { } decline)
        {
            return new PostingOutcome(false, decline, S.Balance, S.CustomerId);
        }

        AccountLedger.Apply(S, posting, now, day);
        await SealOldEntries();
        await state.WriteStateAsync();
        EnsureRecoveryTimer();
        return new PostingOutcome(true, null, S.Balance, S.CustomerId);
    }

    public async Task Reverse(string transferId)
    {
        EnsureOpen();
        if (AccountLedger.Reverse(S, transferId, clock.GetUtcNow()))
        {
            await SealOldEntries();
            await state.WriteStateAsync();
        }
    }

    public Task Release(string transferId)
    {
        // Not written on its own: the next write persists it, and a leg still recorded after a restart is
        // released again when its movement is asked to resume.
        S.InFlight.Remove(transferId);
        return Task.CompletedTask;
    }

    public async Task<AccountView> Freeze(FreezeCommand command)
    {
        EnsureCustomerAccount();
        if (S.Status == AccountStatus.Frozen)
        {
            return View();
        }

        var now = clock.GetUtcNow();
        Record(now, AccountStatus.Frozen, command);
        S.FreezeReason = command.Reason;
        S.FrozenAt = now;
        S.FrozenBy = command.By;
        S.FreezeCaseId = command.CaseId;
        await state.WriteStateAsync();
        FinMetrics.Freezes.Add(1);
        LogStatusChanged(logger, Id, AccountStatus.Frozen, command.By);
        return View();
    }

    public async Task<AccountView> Unfreeze(FreezeCommand command)
    {
        EnsureCustomerAccount();
        if (S.Status != AccountStatus.Frozen)
        {
            return View();
        }

        Record(clock.GetUtcNow(), AccountStatus.Active, command);
        S.FreezeReason = null;
        S.FrozenAt = null;
        S.FrozenBy = null;
        S.FreezeCaseId = null;
        await state.WriteStateAsync();
        FinMetrics.Unfreezes.Add(1);
        LogStatusChanged(logger, Id, AccountStatus.Active, command.By);
        return View();
    }

    public async Task<EntryPage> GetEntries(long? before, int limit)
    {
        EnsureOpen();
        var (first, last) = AccountLedger.PageRange(S, before, limit);
        var items = new List<LedgerEntry>(limit);
        var firstRecent = (long)S.SealedSegments * AccountLedger.SegmentSize + 1;
        IReadOnlyList<LedgerEntry>? segment = null;
        var segmentNo = -1;
        for (var seq = first; seq >= last; seq--)
        {
            if (seq >= firstRecent)
            {
                items.Add(EntryMapping.ToEntry(Id, S.Recent[(int)(seq - firstRecent)]));
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

    private async Task SealOldEntries()
    {
        if (AccountLedger.SegmentToSeal(S) is { } chunk)
        {
            await GrainFactory.GetGrain<ILedgerSegmentGrain>($"{Id}/{S.SealedSegments}")
                .Store([.. chunk.Select(e => EntryMapping.ToEntry(Id, e))]);
            AccountLedger.MarkSealed(S);
        }
    }

    private void EnsureRecoveryTimer()
    {
        if (S.InFlight.Count == 0 || _recoveryTimer is not null)
        {
            return;
        }

        _recoveryTimer = this.RegisterGrainTimer(ResumeStaleLegs, InFlightGrace, InFlightGrace);
    }

    private async Task ResumeStaleLegs(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - InFlightGrace;
        var stale = S.InFlight.Where(l => l.Value.PostedAt <= cutoff).Select(l => l.Key).ToList();
        foreach (var transferId in stale)
        {
            try
            {
                await GrainFactory.GetGrain<IMoneyMovementGrain>(transferId).Resume();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogResumeFailed(logger, ex, Id, transferId);
            }
        }

        if (S.InFlight.Count == 0)
        {
            _recoveryTimer?.Dispose();
            _recoveryTimer = null;
        }
    }

    private void Record(DateTimeOffset at, AccountStatus to, FreezeCommand command)
    {
        S.History.Add(new StatusChange { At = at, From = S.Status, To = to, Reason = command.Reason, By = command.By, CaseId = command.CaseId });
        S.Status = to;
    }

    private void EnsureOpen()
    {
        if (!S.Opened)
        {
            throw FinException.NotFound("Account");
        }
    }

    private void EnsureCustomerAccount()
    {
        EnsureOpen();
        if (S.Kind != AccountKind.Customer)
        {
            throw new FinException(FinErrorCode.BusinessRule, "Only customer accounts can be frozen or unfrozen.");
        }
    }

    private AccountView View()
    {
        var now = clock.GetUtcNow();
        var available = S.Status == AccountStatus.Active ? S.Balance : 0m;
        return new AccountView(
            Id, S.CustomerId, S.Currency, S.Kind, S.Balance, available, S.Status, S.FreezeReason, S.FrozenAt, S.FrozenBy,
            S.OpenedAt, limits.Value.LimitFor(S.Currency), AccountLedger.SpentOn(S, limits.Value.BusinessDay(now)), S.FreezeCaseId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {AccountId} is now {Status} (by {By})")]
    private static partial void LogStatusChanged(ILogger logger, string accountId, AccountStatus status, string by);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {AccountId} could not resume movement {TransferId}")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception, string accountId, string transferId);
}
