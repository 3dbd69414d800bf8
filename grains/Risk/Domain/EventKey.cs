namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// What a window record keeps of the event it came from: 64-bit digests (<see cref="EventDigest"/>) of the event id and of
/// its movement (the id up to the first ':'), 16 bytes instead of an id string of 40–60 characters. That is all the
/// rules ask of an event id: whether a record is the event being scored (<see cref="EventMatch"/>) and whether two
/// records belong to one movement.
/// </summary>
public readonly record struct EventKey
{
    /// <summary>Digest of the whole event id.</summary>
    public ulong Id { get; init; }

    /// <summary>Digest of the movement the event belongs to (the whole id when it has no ':').</summary>
    public ulong Movement { get; init; }

    public static EventKey Of(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var colon = eventId.IndexOf(':', StringComparison.Ordinal);
        var id = EventDigest.Of(eventId);
        return new EventKey { Id = id, Movement = colon < 0 ? id : EventDigest.Of(eventId[..colon]) };
    }

    /// <summary>
    /// The key for an id read from an older stored record; an empty id (what records write in its place now) keeps
    /// <paramref name="current"/>.
    /// </summary>
    public static EventKey OfStoredId(string? eventId, EventKey current) => string.IsNullOrEmpty(eventId) ? current : Of(eventId);
}
