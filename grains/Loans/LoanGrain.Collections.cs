using System.Globalization;
using Microsoft.Extensions.Logging;
using Orleans.Fin.Accounts;
using Orleans.Fin.Common;
using Orleans.Fin.Loans.Domain;
using Orleans.Fin.Models;
using Orleans.Fin.Models.Domain;
using Orleans.Fin.Notifications;
using Orleans.Fin.Payments;
using Orleans.Fin.Risk;
using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Loans;

/// <summary>Due dates, automatic debits and ageing: driven by the daily reminder and by the loan book when the clock jumps.</summary>
public sealed partial class LoanGrain : IRemindable
{
    /// <summary>The id of the automatic debit for one due date: at most one movement per loan and due date.</summary>
    public static string AutoDebitId(string loanId, DateOnly dueDate) =>
        string.Create(CultureInfo.InvariantCulture, $"{loanId}.autodebit.{dueDate:yyyyMMdd}");

    public Task ReceiveReminder(string reminderName, TickStatus status) => reminderName switch
    {
        FinNames.PendingMovementReminder => Recover(),
        FinNames.LoanDailyReminder when S.Exists => ProcessUntil(Today()),
        _ => Task.CompletedTask,
    };

    public async Task<LoanView> ProcessUntil(DateOnly asOf)
    {
        EnsureExists();
        await FinishPending(); // an automatic debit decided before a crash is applied as decided, never worked out again
        if (S.Schedule.Count == 0 || S.Status == LoanStatus.Closed || (S.ProcessedThrough is { } done && asOf < done))
        {
            return ToView();
        }

        foreach (var due in S.Schedule.Select(i => i.DueDate).Where(d => d <= asOf && !S.AutoDebitedDueDates.Contains(d)).ToList())
        {
            await AutoDebitOn(due);
        }

        var steps = Age(asOf);
        S.ProcessedThrough = asOf;
        await Commit();
        await Notify(steps);
        await AfterStatusChange();
        return ToView();
    }

    /// <summary>
    /// Decides the automatic debit of a due date (<see cref="AutoDebit"/>) and records it with the due date as attempted
    /// in one write before any money moves; an empty attempt is recorded with the loan's next write.
    /// </summary>
    private async Task AutoDebitOn(DateOnly due)
    {
        var account = await GrainFactory.GetGrain<IAccountGrain>(S.AccountId).Get();
        var amount = AutoDebit.Amount(S.Schedule, due, account?.AvailableBalance ?? 0m, account is { Status: AccountStatus.Active });
        var movementId = AutoDebitId(Id, due);
        S.AutoDebitedDueDates.Add(due);
        if (amount <= 0 || S.AppliedRepayments.ContainsKey(movementId))
        {
            return;
        }

        var hash = string.Create(CultureInfo.InvariantCulture, $"loan-autodebit:{Id}:{due:yyyyMMdd}");
        var pending = await Decide(LoanMovementKind.AutoDebit, movementId, amount, hash, "loan-autodebit", due);
        var result = await Settle(pending);
        LogAutoDebit(logger, Id, due, result.Amount, result.Status.ToString());
    }

    /// <summary>Days past due, status and stage as of a day; returns the new collection steps (already recorded).</summary>
    private List<CollectionRecord> Age(DateOnly asOf)
    {
        S.Status = Ageing.StatusFor(S.Schedule, asOf);
        var dpd = S.Status == LoanStatus.Closed ? 0 : Ageing.DaysPastDue(S.Schedule, asOf);
        var stage = Ageing.StageFor(dpd);
        var oldest = Collections.OldestUnpaidDue(S.Schedule, asOf);
        var steps = Collections.Steps(S.Stage, stage, oldest, asOf)
            .Select(step =>
            {
                var days = oldest is { } o && step.Stage != CollectionStage.None ? step.Date.DayNumber - o.DayNumber : 0;
                return new CollectionRecord
                {
                    Date = step.Date,
                    Stage = step.Stage,
                    DaysPastDue = days,
                    Status = days >= Ageing.NonPerformingDays ? LoanStatus.NonPerforming : days > 0 ? LoanStatus.Overdue : S.Status,
                };
            })
            .ToList();
        S.Stage = stage;
        S.CollectionSteps.AddRange(steps);
        return steps;
    }

    private async Task Notify(List<CollectionRecord> steps)
    {
        if (steps.FirstOrDefault(s => s.Stage != CollectionStage.None) is { } overdue)
        {
            // An overdue borrower's risk rises (once per loan; the risk grain ignores repeats).
            _ = GrainFactory.GetGrain<IRiskGrain>(S.CustomerId).RaiseSignal(new RingSignal(
                RingSignalKind.CreditOverdue, Id, $"Loan {Id} is {overdue.DaysPastDue} days past due", clock.GetUtcNow()));
        }

        foreach (var step in steps)
        {
            try
            {
                await notifier.SendLoanCollectionAsync(new LoanCollectionNotice(
                    S.CustomerId, Id, step.Stage.ToString(), step.DaysPastDue, step.Date, clock.GetUtcNow()));
            }
            catch (Exception ex)
            {
                // The step is recorded; a notice that could not be queued must not undo the ageing.
                LogNoticeFailed(logger, ex, Id, step.Stage.ToString());
            }
        }
    }

    /// <summary>
    /// Tells the portfolio the loan's status; a closed loan stops its daily reminder. It never calls the loan book here: the book may be waiting for this loan
    /// (a cycle); the book drops closed loans itself when they answer its sweep.
    /// </summary>
    private async Task AfterStatusChange()
    {
        await Portfolio.RecordStatus(Id, S.Status.ToString(), RiskCurrency.ToCny(RepaymentAllocation.OutstandingPrincipal(S.Schedule), S.Currency));
        if (S.ScoredApplication is { } scored)
        {
            if (CreditOutcomeLabel.Of(S.Status.ToString()) is { } defaulted)
            {
                await CreditOutcomes.Record(new CreditOutcomeView(Id, scored, S.ProbabilityOfDefault, S.ModelVersion, defaulted));
            }
        }
        else
        {
            await CreditOutcomes.StatusChanged(Id, S.Status.ToString()); // applied for before the loan kept its application
        }
        if (S.Status == LoanStatus.Closed && await this.GetReminder(FinNames.LoanDailyReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loan {LoanId} automatic debit for {DueDate}: {Amount} {Status}")]
    private static partial void LogAutoDebit(ILogger logger, string loanId, DateOnly dueDate, decimal amount, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection notice {Stage} of loan {LoanId} could not be queued")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string loanId, string stage);
}
