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
}
