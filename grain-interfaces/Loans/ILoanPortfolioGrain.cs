using Orleans.Concurrency;

namespace Orleans.Fin.Loans;

/// <summary>
/// The loan portfolio's indicators, kept current by the loans (one grain, key <see cref="Key"/>): decisions taken and
/// the status of every open loan. Its overdue rate and NPL ratio crossing the configured thresholds raise an alert in
/// the risk alert registry.
/// </summary>
[Alias("fin.ILoanPortfolioGrain")]
public interface ILoanPortfolioGrain : IGrainWithStringKey
{
    public const string Key = "global";

    /// <summary>
    /// A new application's decision (Approved|Rejected|ManualReview), whether it was taken without a person and whether
    /// the model's score decided it (an eligibility refusal is automatic but not the model's). Interleaves with every
    /// other call: it only adds to counters, and the applications that arrive while a write is under way share the next.
    /// </summary>
    [Alias("RecordApplication"), AlwaysInterleave]
    Task RecordApplication(string decision, bool automatic, bool usedModel);

    /// <summary>An operator's decision on an application that was in ManualReview.</summary>
    [Alias("RecordReview")]
    Task RecordReview(bool approved);

    /// <summary>A disbursed loan's current status and outstanding principal (CNY-equivalent); Closed loans leave the open book.</summary>
    [Alias("RecordStatus")]
    Task RecordStatus(string loanId, string status, decimal outstanding);

    [Alias("Get")]
    Task<LoanPortfolioView> Get();
}

/// <summary>
/// Counts, outstanding balances (CNY-equivalents) and ratios (fractions, null when there is nothing to divide by). These
/// rates are by number of loans (the plan's indicators by balance are worked out from the balances):
/// <c>OverdueRate</c> = (Overdue + NonPerforming) / open loans, <c>NplRatio</c> = NonPerforming / open loans,
/// <c>AutoDecisionRate</c> = automatic decisions / applications, <c>ApprovalRate</c> = approved / decided.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.LoanPortfolioView")]
public sealed record LoanPortfolioView(
    long Applications,
    long AutomaticDecisions,
    long Approved,
    long Rejected,
    long PendingReview,
    int OpenLoans,
    int Overdue,
    int NonPerforming,
    double? AutoDecisionRate,
    double? ApprovalRate,
    double? OverdueRate,
    double? NplRatio,
    long AutomaticDecisionsWithModel = 0,
    decimal Outstanding = 0,
    decimal OverdueOutstanding = 0,
    decimal NonPerformingOutstanding = 0);
