namespace Orleans.Fin.Models;

/// <summary>The attributes a credit decision scored (in the units of the training data), kept to learn from the loan's outcome.</summary>
[GenerateSerializer, Immutable, Alias("fin.CreditOutcomeApplication")]
public sealed record CreditOutcomeApplication(
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
