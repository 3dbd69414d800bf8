using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Loans;

/// <summary>
/// Decided movements: the amount and key are written into the loan before money moves; the outcome is applied once, in
/// the same write that drops the decision. A retry, the next call or the pending-movement reminder finishes a decision
/// left behind by a crash, a lost answer or a failed write. None of these calls back into a grain waiting on the loan.
/// </summary>
public sealed partial class LoanGrain
{
    private bool _recoveryArmed;

    /// <summary>Records a decision (and anything decided with it) durably; the reminder that finishes it is set first.</summary>
    private async Task<PendingLoanMovement> Decide(LoanMovementKind kind, string movementId, decimal amount, string hash, string channel, DateOnly decidedOn)
    {
        await ArmRecovery();
        var pending = new PendingLoanMovement
        {
            MovementId = movementId,
            Kind = kind,
            Amount = amount,
            RequestHash = hash,
            Channel = channel,
            DecidedOn = decidedOn,
        };
        S.PendingMovements.Add(pending);
        await Commit();
        return pending;
    }

    /// <summary>Finishes every decision still pending, oldest first; one the ledger refused is dropped (nothing moved).</summary>
    private async Task FinishPending()
    {
        foreach (var pending in S.PendingMovements.ToList())
        {
            try
            {
                await Settle(pending);
            }
            catch (FinException ex) when (ex.Code != FinErrorCode.Unavailable)
            {
                LogDecisionRefused(logger, ex, Id, pending.MovementId);
            }
        }
    }

    /// <summary>Runs (or replays) the decided movement and applies exactly its outcome once.</summary>
    private async Task<MovementResult> Settle(PendingLoanMovement pending)
    {
        MovementResult result;
        try
        {
            result = await GrainFactory.GetGrain<IMoneyMovementGrain>(pending.MovementId).Execute(RequestFor(pending));
        }
        catch (FinException refused) when (refused.Code != FinErrorCode.Unavailable)
        {
            // The ledger refused the request and kept nothing: no money moved, so the decision goes. (Unavailable may
            // have moved money: the decision stays for a retry.)
            S.PendingMovements.RemoveAll(p => p.MovementId == pending.MovementId);
            await Commit();
            throw;
        }

        if (result.Status is not (MovementStatus.Completed or MovementStatus.Declined))
        {
            throw new InvalidOperationException($"Movement {pending.MovementId} ended {result.Status}, which a loan cannot apply.");
        }

        var completed = result.Status == MovementStatus.Completed;
        var settlement = LoanMovementOutcome.Apply(
            S.Schedule, S.Status, pending.Kind, pending.DecidedOn, completed ? result.Amount : null, S.Principal, S.AnnualRate ?? 0m, S.TermMonths);
        S.PendingMovements.RemoveAll(p => p.MovementId == pending.MovementId);
        S.Schedule = [.. settlement.Schedule];
        S.Status = settlement.Status;
        if (completed && pending.Kind == LoanMovementKind.Disbursement)
        {
            S.DisbursementId = pending.MovementId;
            S.DisbursedAt = clock.GetUtcNow();
            S.ProcessedThrough = pending.DecidedOn;
        }
        else if (completed)
        {
            S.AppliedRepayments[pending.MovementId] = settlement.Applied;
        }

        await Commit();
        LogSettled(logger, Id, pending.MovementId, pending.Kind.ToString(), result.Status.ToString(), result.Amount);
        await AfterStatusChange();
        return result;
    }

    private MovementRequest RequestFor(PendingLoanMovement pending) => pending.Kind == LoanMovementKind.Disbursement
        ? new MovementRequest(MovementKind.LoanDisbursement, pending.RequestHash, S.CustomerId, null, S.AccountId, pending.Amount, S.Currency, pending.Channel)
        : new MovementRequest(MovementKind.LoanRepayment, pending.RequestHash, S.CustomerId, S.AccountId, null, pending.Amount, S.Currency, pending.Channel);

    /// <summary>The reminder tick: finish what is pending, then drop the reminder once nothing is left.</summary>
    private async Task Recover()
    {
        await FinishPending();
        if (S.PendingMovements.Count == 0 && await this.GetReminder(FinNames.PendingMovementReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
            _recoveryArmed = false;
        }
    }

    private async Task ArmRecovery()
    {
        if (!_recoveryArmed)
        {
            var period = pendingOptions.Value.RetryPeriod;
            await this.RegisterOrUpdateReminder(FinNames.PendingMovementReminder, period, period);
            _recoveryArmed = true;
        }
    }

    private Task Commit() => DurableState.CommitAsync(state, DeactivateOnIdle);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan {LoanId} movement {MovementId} ({Kind}) applied as {Status}: {Amount}")]
    private static partial void LogSettled(ILogger logger, string loanId, string movementId, string kind, string status, decimal amount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Loan {LoanId} dropped decided movement {MovementId}: the ledger refused it")]
    private static partial void LogDecisionRefused(ILogger logger, Exception exception, string loanId, string movementId);
}
