namespace Orleans.Fin.Accounts;

/// <summary>
/// Transfer ids of legs whose movements recorded their outcome, settled from <see cref="At"/> for less than
/// <c>LegRetention.BatchSpan</c>, oldest first. A value held inline in its list, its ids packed (<see cref="LegIds"/>);
/// never changed once stored: settling more makes a new batch.
/// </summary>
public readonly record struct SettledLegs(DateTimeOffset At, LegIds Ids);
