namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// When a risk state is written in parts, and when its cold part is rewritten. A customer with history holds hundreds of
/// window records (payments, money in, payees, decisions awaiting labels, event digests: about 107 KB of JSON with every
/// window full), and the state is written after each change. In parts, the windows are stored once in a cold part and
/// each write carries only the records that are not in it, as runs (<see cref="WindowSnapshot{T}"/>).
/// </summary>
public static class WindowPartsPolicy
{
    /// <summary>
    /// The default threshold (<c>RiskControl:WindowsInPartsFrom</c>): below this many window records the state is written
    /// whole, small enough that parts save nothing worth a second row.
    /// </summary>
    public const int MinRecords = 256;

    /// <summary>The lowest threshold a node accepts: below it a state of a handful of records would take a second row and rewrite it every few changes.</summary>
    public const int LowestThreshold = 16;

    /// <summary>More records than this outside the cold part, and the cold part is rewritten with the windows as they are.</summary>
    public const int MaxInline = 64;

    /// <summary>More runs than this (each three numbers), and the cold part is rewritten.</summary>
    public const int MaxRuns = 32;

    /// <summary>More of the cold part's records no longer in the windows than this, and it is rewritten (it is read whole on activation).</summary>
    public const int MaxStale = 192;

    /// <summary>
    /// Whether a state holding <paramref name="records"/> window records is written in parts: from <paramref name="from"/>
    /// (by default <see cref="MinRecords"/>) on, and once in parts (<paramref name="inParts"/>) until its windows hold fewer
    /// than half of that, when it is written whole again and its cold part cleared.
    /// </summary>
    public static bool InParts(bool inParts, int records, int from) => records >= (inParts ? from / 2 : from);

    /// <summary>
    /// Whether the cold part is due to be rewritten, given how many records a write would hold inline, its runs, and how
    /// many of the cold part's records the windows no longer hold.
    /// </summary>
    public static bool RewriteDue(int inline, int runs, int stale) => inline > MaxInline || runs > MaxRuns || stale > MaxStale;
}
