using Orleans.Fin.Risk.Domain;

namespace Orleans.Fin.Risk;

/// <summary>Moves the plain lists that version 1 of the watch states kept into a <see cref="RingWatchList"/>.</summary>
internal static class RingWatchLegacy
{
    public static RingWatchList From(List<string> members, List<string> signalled, bool reached, DateTimeOffset at) => new()
    {
        Members = [.. members.Select(id => new WatchMember { CustomerId = id, At = at })],
        Signalled = [.. signalled],
        Reached = reached,
    };
}
