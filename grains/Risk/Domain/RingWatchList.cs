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

    /// <summary>
    /// A watch from the plain lists that version 1 of the watching grains' states kept (still in stored state until
    /// each grain is used again). Version 1 kept no times: every member counts as seen at <paramref name="at"/>.
    /// </summary>
    public static RingWatchList FromVersion1(List<string> members, List<string> signalled, bool reached, DateTimeOffset at) => new()
    {
        Members = [.. members.Select(id => new WatchMember { CustomerId = id, At = at })],
        Signalled = [.. signalled],
        Reached = reached,
    };
}
