namespace Orleans.Fin.Loans;

/// <summary>
/// A consumer-credit application as client-api accepted it (fields already validated), in the units of the training
/// data. <paramref name="AppliedBy"/> is the caller; the grain checks it owns the customer and the account.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.LoanApplication")]
public sealed record LoanApplication(
    string CustomerId,
    string AccountId,
    decimal Amount,
    int TermMonths,
    string Purpose,
    int Seniority,
    string? Home,
    string? MaritalStatus,
    string? Job,
    decimal Expenses,
    decimal? Income,
    decimal? Assets,
    decimal? Debt,
    decimal Price,
    bool Records,
    string AppliedBy);

/// <summary>An operator's decision on an application in ManualReview.</summary>
[GenerateSerializer, Immutable, Alias("fin.LoanReview")]
public sealed record LoanReview(bool Approve, string? Note, string ReviewedBy);

/// <summary>One scheduled instalment: what falls due when, what has been paid, and Pending|Partial|Paid|Overdue.</summary>
[GenerateSerializer, Immutable, Alias("fin.InstalmentView")]
public sealed record InstalmentView(int Number, DateOnly DueDate, decimal Principal, decimal Interest, decimal Paid, string Status);

/// <summary>
/// A loan as its grain knows it. <c>Decision</c> is Approved|Rejected|ManualReview (the model's decision, or the
/// operator's once reviewed); <c>Status</c> is Applied|Approved|Rejected|Active|Overdue|NonPerforming|Closed.
/// <c>PendingMovements</c> counts movements decided but not yet applied (0 once the loan has caught up).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.LoanView")]
public sealed record LoanView(
    string Id,
    string CustomerId,
    string AccountId,
    string Currency,
    string Status,
    string Decision,
    string Recommendation,
    bool AutomaticDecision,
    double ProbabilityOfDefault,
    int CreditScore,
    decimal? AnnualRate,
    IReadOnlyList<string> Reasons,
    string ModelVersion,
    decimal Principal,
    int TermMonths,
    decimal Outstanding,
    int DaysPastDue,
    string CollectionStage,
    IReadOnlyList<InstalmentView> Schedule,
    DateTimeOffset AppliedAt,
    string? ReviewedBy,
    string? ReviewNote,
    IReadOnlyList<CollectionStepView> Collections,
    int PendingMovements = 0);

/// <summary>A collection step: the stage the loan entered on a day, its days past due and status then.</summary>
[GenerateSerializer, Immutable, Alias("fin.CollectionStepView")]
public sealed record CollectionStepView(DateOnly Date, string Stage, int DaysPastDue, string Status);

/// <summary>A repayment: the movement id (derived from the caller's Idempotency-Key) makes a retry replay, not repeat.</summary>
[GenerateSerializer, Immutable, Alias("fin.LoanRepaymentCommand")]
public sealed record LoanRepaymentCommand(string MovementId, decimal Amount, string RequestedBy);

/// <summary>What a repayment did: the debit's movement and status (Declined with its reason when the account could not pay) and the loan after it.</summary>
[GenerateSerializer, Immutable, Alias("fin.LoanRepaymentResult")]
public sealed record LoanRepaymentResult(
    string MovementId,
    Orleans.Fin.Payments.MovementStatus Status,
    Orleans.Fin.Accounts.DeclineReason? DeclineReason,
    decimal Amount,
    LoanView Loan);
