namespace Orleans.Fin.Loans.Domain;

/// <summary>A loan after one movement's outcome: its schedule and status, and how much of the money was applied.</summary>
public sealed record LoanSettlement(IReadOnlyList<Instalment> Schedule, LoanStatus Status, decimal Applied);
