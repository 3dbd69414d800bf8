namespace Orleans.Fin.Loans.Domain;

/// <summary>The movements a loan decides: its one disbursement, a borrower's repayment, or the automatic debit of a due date.</summary>
public enum LoanMovementKind
{
    Disbursement = 0,
    Repayment = 1,
    AutoDebit = 2,
}
