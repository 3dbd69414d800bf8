using Orleans.Fin.Loans.Domain;

namespace Orleans.Fin.Loans;

/// <summary>Persisted state of the loan portfolio (JSON; new members need defaults).</summary>
public sealed class LoanPortfolioState
{
    public int SchemaVersion { get; set; } = 1;
    public long Applications { get; set; }
    public long AutomaticDecisions { get; set; }

    /// <summary>Automatic decisions the model's score took (not an eligibility refusal).</summary>
    public long AutomaticDecisionsWithModel { get; set; }
    public long Approved { get; set; }
    public long Rejected { get; set; }
    public long PendingReview { get; set; }

    /// <summary>Status of every disbursed loan not yet closed, by loan id.</summary>
    public Dictionary<string, LoanStatus> OpenLoans { get; set; } = [];

    /// <summary>Outstanding principal (CNY-equivalent) of every open loan, by loan id, as last reported.</summary>
    public Dictionary<string, decimal> OpenBalances { get; set; } = [];

    /// <summary>A copy to write while the live state goes on changing (the storage may serialise it on another thread).</summary>
    public LoanPortfolioState Copy() => new()
    {
        SchemaVersion = SchemaVersion,
        Applications = Applications,
        AutomaticDecisions = AutomaticDecisions,
        AutomaticDecisionsWithModel = AutomaticDecisionsWithModel,
        Approved = Approved,
        Rejected = Rejected,
        PendingReview = PendingReview,
        OpenLoans = new Dictionary<string, LoanStatus>(OpenLoans, OpenLoans.Comparer),
        OpenBalances = new Dictionary<string, decimal>(OpenBalances, OpenBalances.Comparer),
    };
}
