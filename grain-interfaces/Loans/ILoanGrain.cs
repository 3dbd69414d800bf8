namespace Orleans.Fin.Loans;

/// <summary>One consumer loan from application to closing, keyed by its id ("loan_…").</summary>
[Alias("fin.ILoanGrain")]
public interface ILoanGrain : IGrainWithStringKey
{
    /// <summary>Scores and decides a new application; an id already used is a conflict.</summary>
    [Alias("Apply")]
    Task<LoanView> Apply(LoanApplication application);

    /// <summary>An operator approves or rejects an application in ManualReview; any other state is a conflict.</summary>
    [Alias("Review")]
    Task<LoanView> Review(LoanReview review);

    /// <summary>
    /// Disburses an Approved loan into its account (one movement whose id derives from the loan id, so a repeated or
    /// concurrent accept pays out once) and makes it Active with its annuity schedule. An already disbursed loan is
    /// returned as it is; any other state is a conflict.
    /// </summary>
    [Alias("Accept")]
    Task<LoanView> Accept(string acceptedBy);

    /// <summary>
    /// Debits the borrower's account and applies the amount to the schedule (due instalments first, then early
    /// repayment of future principal). More than the payoff amount is refused; a replayed movement id is not applied twice.
    /// </summary>
    [Alias("Repay")]
    Task<LoanRepaymentResult> Repay(LoanRepaymentCommand command);

    /// <summary>
    /// Catches the loan up to a business day: for each due date passed, an automatic debit of what the account has
    /// (one movement per loan and due date), then days past due, status and collection stage, each new stage recorded
    /// and sent to the borrower. Idempotent: asking again for the same day changes nothing.
    /// </summary>
    [Alias("ProcessUntil")]
    Task<LoanView> ProcessUntil(DateOnly asOf);

    /// <summary>The loan, or null when there is none under this id.</summary>
    [Alias("Get")]
    Task<LoanView?> Get();
}
