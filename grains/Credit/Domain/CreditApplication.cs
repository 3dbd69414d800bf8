namespace Orleans.Fin.Credit.Domain;

/// <summary>
/// A consumer-credit application in the units of the training data (shared/data/README.md): seniority in years with
/// the current employer, term in months, monthly expenses and income, assets, debt, the amount requested and the price
/// of the goods financed. <c>Home</c>, <c>MaritalStatus</c>, <c>Job</c>, <c>Income</c>, <c>Assets</c> and
/// <c>Debt</c> may be unknown (null).
/// </summary>
public sealed record CreditApplication(
    int Seniority,
    string? Home,
    int TermMonths,
    int Age,
    string? MaritalStatus,
    bool Records,
    string? Job,
    decimal Expenses,
    decimal? Income,
    decimal? Assets,
    decimal? Debt,
    decimal Amount,
    decimal Price);
