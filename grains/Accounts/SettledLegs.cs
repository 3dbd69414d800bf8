namespace Orleans.Fin.Accounts;

/// <summary>
/// Transfer ids of legs whose movements recorded their outcome, settled from <see cref="At"/> for less than
/// <c>LegRetention.BatchSpan</c>, oldest first. Never changed once stored: settling more makes a new batch.
/// </summary>
public sealed record SettledLegs(DateTimeOffset At, IReadOnlyList<string> Ids);
