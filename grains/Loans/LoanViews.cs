using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>Turns a loan's state into its wire view as of a business day.</summary>
internal static class LoanViews
{
    public static LoanView From(string id, LoanState s, DateOnly today)
    {
        var asOf = s.ProcessedThrough is { } processed && processed > today ? processed : today; // a silo whose clock lags
        var disbursed = s.Schedule.Count > 0;
        var dpd = disbursed && s.Status != LoanStatus.Closed ? Ageing.DaysPastDue(s.Schedule, asOf) : 0;
        var stage = disbursed ? Ageing.StageFor(dpd) : CollectionStage.None;
        return new LoanView(
            id, s.CustomerId, s.AccountId, s.Currency, s.Status.ToString(), s.Decision, s.Recommendation, s.AutomaticDecision,
            s.ProbabilityOfDefault, s.CreditScore, s.AnnualRate, [.. s.Reasons], s.ModelVersion, s.Principal, s.TermMonths,
            disbursed ? RepaymentAllocation.OutstandingPrincipal(s.Schedule) : 0m, dpd, stage.ToString(),
            [.. s.Schedule.Select(i => new InstalmentView(i.Number, i.DueDate, i.Principal, i.Interest, i.Paid, StatusOf(i, asOf)))],
            s.AppliedAt, s.ReviewedBy, s.ReviewNote,
            [.. s.CollectionSteps.Select(c => new CollectionStepView(c.Date, c.Stage.ToString(), c.DaysPastDue, c.Status.ToString()))],
            s.PendingMovements.Count);
    }

    private static string StatusOf(Instalment i, DateOnly asOf) =>
        i.Settled ? "Paid" : i.DueDate < asOf ? "Overdue" : i.Paid > 0 ? "Partial" : "Pending";
}
