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

    /// <summary>A new application's decision (Approved|Rejected|ManualReview) and whether the model took it alone.</summary>
    [Alias("RecordApplication")]
    Task RecordApplication(string decision, bool automatic);

    /// <summary>An operator's decision on an application that was in ManualReview.</summary>
    [Alias("RecordReview")]
    Task RecordReview(bool approved);

    /// <summary>A disbursed loan's current status; Closed loans leave the open book.</summary>
    [Alias("RecordStatus")]
    Task RecordStatus(string loanId, string status);

    [Alias("Get")]
    Task<LoanPortfolioView> Get();
}

/// <summary>
/// Counts and ratios (fractions, null when there is nothing to divide by). Rates are by number of loans:
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
    double? NplRatio);
