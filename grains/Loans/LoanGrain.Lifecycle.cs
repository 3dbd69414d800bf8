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
        await FinishPending(); // a disbursement decided before a crash is finished first
        if (S.Schedule.Count > 0)
        {
            return ToView(); // already disbursed: an accept repeated after a lost answer changes nothing
        }

        if (S.Status != LoanStatus.Approved)
        {
            throw new FinException(FinErrorCode.Conflict, $"Only an Approved loan can be accepted; this loan is {S.Status}.");
        }

        // The daily reminder and the book's entry come before the money: a crash after it cannot leave an active loan
        // that nothing ages. The loan is not yet tracked, so the book is not waiting for it.
        await this.RegisterOrUpdateReminder(FinNames.LoanDailyReminder, TimeSpan.FromDays(1), TimeSpan.FromDays(1));
        await GrainFactory.GetGrain<ILoanBookGrain>(ILoanBookGrain.Key).Track(Id);
        var movementId = DisbursementId(Id);
        var hash = string.Create(CultureInfo.InvariantCulture, $"loan-disbursement:{Id}:{S.AccountId}:{S.Principal:F2}");
        var pending = await Decide(LoanMovementKind.Disbursement, movementId, S.Principal, hash, "loan", Today());
        var result = await Settle(pending);
        if (result.Status != MovementStatus.Completed)
        {
            throw new FinException(FinErrorCode.BusinessRule, $"The disbursement was declined ({result.DeclineReason}).");
        }

        LogDisbursed(logger, Id, S.Principal, acceptedBy);
        return ToView();
    }

    public async Task<LoanRepaymentResult> Repay(LoanRepaymentCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureExists();
        await FinishPending(); // including this key, when a crash or a lost answer left it decided
        var amount = decimal.Round(command.Amount, 2);
        if (S.AppliedRepayments.ContainsKey(command.MovementId))
        {
            var replay = await GrainFactory.GetGrain<IMoneyMovementGrain>(command.MovementId).Get()
                ?? throw new InvalidOperationException("An applied repayment has no movement.");
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
        var pending = await Decide(LoanMovementKind.Repayment, command.MovementId, amount, hash, "loan", today);
        var result = await Settle(pending);
        return new LoanRepaymentResult(command.MovementId, result.Status, result.DeclineReason, result.Amount, ToView());
    }

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan {LoanId} disbursed {Amount}, accepted by {AcceptedBy}")]
    private static partial void LogDisbursed(ILogger logger, string loanId, decimal amount, string acceptedBy);
}
