using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Common;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Payments;

namespace Orleans.Fin.Loans;

/// <summary>Disbursement and repayments: money moves through the ledger's movements, the schedule through the loan domain.</summary>
public sealed partial class LoanGrain
{
    /// <summary>The id of a loan's one disbursement movement: derived from the loan id, so it can only happen once.</summary>
    public static string DisbursementId(string loanId) => loanId + ".disbursement";

    public async Task<LoanView> Accept(string acceptedBy)
    {
        EnsureExists();
        if (S.Schedule.Count > 0)
        {
            return ToView(); // already disbursed: an accept repeated after a lost answer changes nothing
        }

        if (S.Status != LoanStatus.Approved)
        {
            throw new FinException(FinErrorCode.Conflict, $"Only an Approved loan can be accepted; this loan is {S.Status}.");
        }

        var movementId = DisbursementId(Id);
        var hash = string.Create(CultureInfo.InvariantCulture, $"loan-disbursement:{Id}:{S.AccountId}:{S.Principal:F2}");
        var result = await GrainFactory.GetGrain<IMoneyMovementGrain>(movementId).Execute(new MovementRequest(
            MovementKind.LoanDisbursement, hash, S.CustomerId, null, S.AccountId, S.Principal, S.Currency, "loan"));
        if (result.Status != MovementStatus.Completed)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"The disbursement was declined ({result.DeclineReason}).");
        }

        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        S.Schedule = [.. AnnuitySchedule.Build(S.Principal, S.AnnualRate ?? 0m, S.TermMonths, today.AddMonths(1))];
        S.Status = LoanStatus.Active;
        S.DisbursementId = movementId;
        S.DisbursedAt = now;
        S.ProcessedThrough = today;
        await state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(FinNames.LoanDailyReminder, TimeSpan.FromDays(1), TimeSpan.FromDays(1));
        await GrainFactory.GetGrain<ILoanBookGrain>(ILoanBookGrain.Key).Track(Id); // not yet tracked, so the book is not waiting for this loan
        await AfterStatusChange();
        LogDisbursed(logger, Id, S.Principal, acceptedBy);
        return ToView();
    }

    public async Task<LoanRepaymentResult> Repay(LoanRepaymentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureExists();
        var amount = decimal.Round(command.Amount, 2);
        var movements = GrainFactory.GetGrain<IMoneyMovementGrain>(command.MovementId);
        if (S.AppliedRepayments.ContainsKey(command.MovementId))
        {
            var replay = await movements.Get() ?? throw new InvalidOperationException("An applied repayment has no movement.");
            if (replay.Amount != amount)
            {
                throw new FinException(FinErrorCode.IdempotencyConflict, "The Idempotency-Key was already used with another request body.");
            }

            return new LoanRepaymentResult(command.MovementId, replay.Status, replay.DeclineReason, replay.Amount, ToView());
        }

        if (S.Schedule.Count == 0 || S.Status == LoanStatus.Closed)
        {
            throw new FinException(FinErrorCode.Conflict, $"Only a disbursed, open loan takes repayments; this loan is {S.Status}.");
        }

        var today = Today();
        var payoff = RepaymentAllocation.PayoffAmount(S.Schedule, today);
        if (amount > payoff)
        {
            throw new FinException(
                FinErrorCode.BusinessRule,
                string.Create(CultureInfo.InvariantCulture, $"The repayment exceeds the payoff amount of {payoff:F2} {S.Currency}."),
                "amount");
        }

        var hash = string.Create(CultureInfo.InvariantCulture, $"loan-repayment:{Id}:{S.AccountId}:{amount:F2}");
        var result = await movements.Execute(new MovementRequest(
            MovementKind.LoanRepayment, hash, S.CustomerId, S.AccountId, null, amount, S.Currency, "loan"));
        if (result.Status == MovementStatus.Completed)
        {
            ApplyRepayment(command.MovementId, result.Amount, today);
            await state.WriteStateAsync();
            await AfterStatusChange();
        }

        return new LoanRepaymentResult(command.MovementId, result.Status, result.DeclineReason, result.Amount, ToView());
    }

    /// <summary>Applies money already taken from the account to the schedule and recomputes the status.</summary>
    private void ApplyRepayment(string movementId, decimal amount, DateOnly asOf)
    {
        var allocation = RepaymentAllocation.Apply(S.Schedule, amount, asOf, allowEarlyRepayment: true);
        S.Schedule = [.. allocation.Schedule];
        S.AppliedRepayments[movementId] = allocation.Applied;
        S.Status = Ageing.StatusFor(S.Schedule, asOf);
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan {LoanId} disbursed {Amount}, accepted by {AcceptedBy}")]
    private static partial void LogDisbursed(ILogger logger, string loanId, decimal amount, string acceptedBy);
}
