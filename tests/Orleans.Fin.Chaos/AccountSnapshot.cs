namespace Orleans.Fin.Chaos;

/// <summary>An account read back after the run: its balance, how long the read took, and its whole statement.</summary>
public sealed record AccountSnapshot(ChaosAccount Account, decimal Balance, TimeSpan ReadTime, int SlowReads, IReadOnlyList<EntryLine> Entries);
