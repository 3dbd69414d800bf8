using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>Persisted state of a loan grain (JSON; new members need defaults).</summary>
public sealed class LoanState
{
    public int SchemaVersion { get; set; } = 1;
    public bool Exists { get; set; }
    public string CustomerId { get; set; } = "";
    public string AccountId { get; set; } = "";
    public string Currency { get; set; } = "";
    public LoanStatus Status { get; set; }
    public string Decision { get; set; } = "";
    public string Recommendation { get; set; } = "";
    public bool AutomaticDecision { get; set; }
    public double ProbabilityOfDefault { get; set; }
    public int CreditScore { get; set; }
    public decimal? AnnualRate { get; set; }
    public List<string> Reasons { get; set; } = [];
    public string ModelVersion { get; set; } = "";

    /// <summary>
    /// The attributes the decision scored, kept with the loan until its outcome is realised and handed to the credit
    /// outcome store then (null for loans applied for before it was kept here: the store has those already).
    /// </summary>
    public Models.CreditOutcomeApplication? ScoredApplication { get; set; }
    public decimal Principal { get; set; }
    public int TermMonths { get; set; }
    public string Purpose { get; set; } = "";
    public DateTimeOffset AppliedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewNote { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public List<Instalment> Schedule { get; set; } = [];
    public string? DisbursementId { get; set; }
    public DateTimeOffset? DisbursedAt { get; set; }

    /// <summary>Repayment movements already applied to the schedule, with the amount each applied.</summary>
    public Dictionary<string, decimal> AppliedRepayments { get; set; } = [];

    /// <summary>The last business day the loan was caught up to (due dates, automatic debits, ageing).</summary>
    public DateOnly? ProcessedThrough { get; set; }

    /// <summary>Due dates whose automatic debit has been attempted (one movement per loan and due date).</summary>
    public List<DateOnly> AutoDebitedDueDates { get; set; } = [];

    /// <summary>Movements decided but whose outcome is not yet applied (oldest first); finished before anything else.</summary>
    public List<PendingLoanMovement> PendingMovements { get; set; } = [];

    public CollectionStage Stage { get; set; }
    public List<CollectionRecord> CollectionSteps { get; set; } = [];
}

/// <summary>A collection step as recorded: the day, the stage entered, days past due and status then.</summary>
public sealed class CollectionRecord
{
    public DateOnly Date { get; set; }
    /// <summary>Movements decided but whose outcome is not yet applied (oldest first); finished before anything else.</summary>
    public List<PendingLoanMovement> PendingMovements { get; set; } = [];

    public CollectionStage Stage { get; set; }
    public int DaysPastDue { get; set; }
    public LoanStatus Status { get; set; }
}
