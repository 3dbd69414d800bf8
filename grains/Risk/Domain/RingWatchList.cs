namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The customers seen around one thing (a device, a payee) and which of them were already signalled. Persisted inside
/// the watching grain's state; only <see cref="RingWatch"/> changes it.
/// </summary>
public sealed class RingWatchList
{
    public List<WatchMember> Members { get; set; } = [];
    public List<string> Signalled { get; set; } = [];

    /// <summary>Whether the threshold was ever reached (the ring alert is raised once).</summary>
    public bool Reached { get; set; }
}
