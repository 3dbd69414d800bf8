namespace Orleans.Fin.Common;

/// <summary>Stable error codes that cross grain boundaries; client-api maps each to one problem type.</summary>
public enum FinErrorCode
{
    Validation = 0,
    NotFound = 1,
    Conflict = 2,
    IdempotencyConflict = 3,
    Forbidden = 4,
    BusinessRule = 5,

    /// <summary>A product above the customer's risk level (suitability).</summary>
    Unsuitable = 6,

    /// <summary>The customer's risk assessment is more than a year old; a new one is needed before buying.</summary>
    AssessmentExpired = 7,

    /// <summary>Buying is closed to this customer for now (a frozen account or a high risk level); selling is not.</summary>
    InvestmentRestricted = 8,

    /// <summary>A write did not commit (storage fault or timeout): nothing was changed, the same request may be retried.</summary>
    Unavailable = 9,
}
