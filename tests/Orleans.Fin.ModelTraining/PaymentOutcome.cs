namespace Orleans.Fin.ModelTraining;

/// <summary>How a replayed payment went.</summary>
internal enum PaymentOutcome
{
    Completed = 0,
    CompletedWithCode = 1,
    Declined = 2,
    Held = 3,
    Frozen = 4,
}
