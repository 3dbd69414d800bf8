namespace Orleans.Fin.Credit.Domain;

/// <summary>The records that survived cleaning and the report of what cleaning found.</summary>
public sealed record CreditCleaningResult(IReadOnlyList<CreditRecord> Records, CreditDataQualityReport Report);
