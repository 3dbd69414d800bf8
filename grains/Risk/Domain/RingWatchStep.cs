namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What recording a member changed: whether it was new, whether the watch is now at or past its threshold, whether that
/// happened for the first time (raise the alert), and the members to signal now (each is signalled once).
/// </summary>
public sealed record RingWatchStep(bool Added, bool Watched, bool FirstReached, IReadOnlyList<string> ToSignal);
