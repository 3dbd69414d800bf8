namespace Orleans.Fin.Payments;

/// <summary>
/// Coordinates one money movement (deposit, withdrawal or payment) across the accounts it touches and is its
/// idempotency record. Keyed by the movement id, which client-api derives from the caller and the Idempotency-Key,
/// so concurrent duplicates meet in one activation.
/// </summary>
[Alias("fin.IMoneyMovementGrain")]
public interface IMoneyMovementGrain : IGrainWithStringKey
{
    /// <summary>Runs the movement, or replays its recorded result. Another body under the same key is refused.</summary>
    [Alias("Execute")]
    Task<MovementResult> Execute(MovementRequest request);

    /// <summary>The recorded result, or null when there is none.</summary>
    [Alias("Get")]
    Task<MovementResult?> Get();

    /// <summary>Drives an interrupted movement to its end; asked by accounts that still hold one of its legs.</summary>
    [Alias("Resume")]
    Task Resume();
}
