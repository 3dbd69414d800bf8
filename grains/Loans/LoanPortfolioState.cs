using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>Persisted state of the loan portfolio (JSON; new members need defaults).</summary>
public sealed class LoanPortfolioState
{
    public int SchemaVersion { get; set; } = 1;
    public long Applications { get; set; }
    public long AutomaticDecisions { get; set; }
    public long Approved { get; set; }
    public long Rejected { get; set; }
    public long PendingReview { get; set; }

    /// <summary>Status of every disbursed loan not yet closed, by loan id.</summary>
    public Dictionary<string, LoanStatus> OpenLoans { get; set; } = [];
}
