namespace Orleans.Fin.Credit.Domain;

/// <summary>A cleaned, labelled training record: the application and whether it defaulted (<c>Status</c> "bad").</summary>
public sealed record CreditRecord(CreditApplication Application, bool Defaulted);
