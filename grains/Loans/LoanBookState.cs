namespace Orleans.Fin.Loans;

/// <summary>Persisted state of the loan book: the ids of disbursed loans not yet seen closed.</summary>
public sealed class LoanBookState
{
    public int SchemaVersion { get; set; } = 1;
    public HashSet<string> OpenLoans { get; set; } = [];
}
