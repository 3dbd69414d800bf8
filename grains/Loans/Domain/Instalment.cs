namespace Orleans.Fin.Loans.Domain;

/// <summary>One scheduled instalment and how much of it has been paid.</summary>
public sealed record Instalment(int Number, DateOnly DueDate, decimal Principal, decimal Interest, decimal PrincipalPaid = 0m, decimal InterestPaid = 0m)
{
    public decimal Due => Principal + Interest;

    public decimal Paid => PrincipalPaid + InterestPaid;

    public decimal Remaining => Due - Paid;

    public bool Settled => Remaining == 0m;
}
