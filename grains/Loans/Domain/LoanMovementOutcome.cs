namespace Orleans.Fin.Loans.Domain;

/// <summary>
/// How the outcome of a decided movement changes the loan, applied exactly once per movement. A completed disbursement
/// makes the loan Active with its annuity schedule, first due a month after the day it was decided; a completed
/// repayment or automatic debit is allocated to the schedule as of the day it was decided (<see cref="RepaymentAllocation"/>)
/// and the status follows; a declined movement moved no money and changes nothing.
/// </summary>
public static class LoanMovementOutcome
{
    public static LoanSettlement Apply(
        IReadOnlyList<Instalment> schedule,
        LoanStatus status,
        LoanMovementKind kind,
        DateOnly decidedOn,
        decimal? completedAmount,
        decimal principal,
        decimal annualRate,
        int termMonths)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        if (completedAmount is not { } amount)
        {
            return new LoanSettlement(schedule, status, 0m);
        }

        if (kind == LoanMovementKind.Disbursement)
        {
            var built = AnnuitySchedule.Build(principal, annualRate, termMonths, decidedOn.AddMonths(1));
            return new LoanSettlement(built, LoanStatus.Active, amount);
        }

        var allocation = RepaymentAllocation.Apply(schedule, amount, decidedOn, allowEarlyRepayment: true);
        return new LoanSettlement(allocation.Schedule, Ageing.StatusFor(allocation.Schedule, decidedOn), allocation.Applied);
    }
}
