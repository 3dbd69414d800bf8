namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The 64-bit fingerprint under which a profile remembers an event id it has seen (8 bytes instead of a string of 40–60
/// characters). Stable across nodes, runs and versions: it is persisted, so the function must never change.
/// </summary>
/// <remarks>
/// Two different ids with one digest would make the later event count as already seen. Event ids are issued by the
/// platform (a movement or login id and its kind), not chosen by callers, and a profile compares each new id with at
/// most <see cref="BehaviourLimits.MaxEventIds"/> remembered ones, so the chance per event is about 512 / 2^64 ≈ 3·10⁻¹⁷:
/// a trillion events give odds of about 1 in 36,000 that a single one of them is missed by the profile (the event itself
/// is still booked and scored inline; only its count in the behaviour windows is lost).
/// </remarks>
public static class EventDigest
{
    private const ulong OffsetBasis = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    /// <summary>64-bit FNV-1a over the UTF-16 code units of <paramref name="eventId"/>, low byte first.</summary>
    public static ulong Of(string eventId)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var hash = OffsetBasis;
        foreach (var c in eventId)
        {
            hash = unchecked((hash ^ (byte)c) * Prime);
            hash = unchecked((hash ^ (byte)(c >> 8)) * Prime);
        }

        return hash;
    }
}
