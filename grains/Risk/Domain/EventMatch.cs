namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// The event a profile is read "as before": a movement id (an inline payment) names every event of that movement, an
/// event id names itself. Compared by digest with what records keep (<see cref="EventKey"/>); an empty key names nothing.
/// </summary>
public readonly record struct EventMatch
{
    private readonly ulong _digest;
    private readonly bool _names;

    private EventMatch(ulong digest)
    {
        _digest = digest;
        _names = true;
    }

    public static EventMatch None => default;

    /// <summary>The events named by a movement id or an event id; none for null or empty.</summary>
    public static EventMatch Of(string? key) => string.IsNullOrEmpty(key) ? None : new(EventDigest.Of(key));

    /// <summary>The event a record came from (for reading the profile as it was before that record's event).</summary>
    public static EventMatch Of(EventKey record) => new(record.Id);

    /// <summary>Whether the record came from a named event (an unset key, such as a history never updated, is none).</summary>
    public bool Names(EventKey record) => _names && (_digest == record.Id || _digest == record.Movement) && record != default;
}
