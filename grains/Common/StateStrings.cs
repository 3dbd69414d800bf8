namespace Orleans.Fin.Common;

/// <summary>
/// Lets equal strings of one stored state share one instance once it is read back. A state is full of repeats: the
/// customer id on every audit record, a payee's account id on every payment to it, a transfer id both as a ledger
/// entry's reference and as the key of its leg, an event id both in the seen-ids window and in its record. Read
/// naively, each repeat is its own copy on the heap, which is most of an active customer's memory.
/// <para>
/// Within one read (<see cref="BeginRead"/>) every string is shared with an equal one read before it. Short strings
/// (currency and country codes, cities, decisions, model versions) are also shared across states through a small
/// fixed-size table, which keeps whichever string last took a slot, so it never grows.
/// </para>
/// </summary>
public static class StateStrings
{
    /// <summary>Strings up to this length are shared across states.</summary>
    public const int SharedAcrossStatesMaxLength = 16;

    private const int TableSize = 4096;
    private static readonly string?[] Table = new string?[TableSize];

    [ThreadStatic]
    private static Dictionary<string, string>? _read;

    /// <summary>Starts sharing strings for one read on this thread; dispose the result when the read ends.</summary>
    public static IDisposable BeginRead()
    {
        var outer = _read;
        _read = new Dictionary<string, string>(StringComparer.Ordinal);
        return new ReadScope(outer);
    }

    /// <summary>The instance to keep for <paramref name="value"/>: an equal one already seen, or the value itself.</summary>
    public static string Share(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var read = _read;
        if (read is not null)
        {
            if (read.TryGetValue(value, out var seen))
            {
                return seen;
            }

            value = ShareAcrossStates(value);
            read[value] = value;
            return value;
        }

        return ShareAcrossStates(value);
    }

    private static string ShareAcrossStates(string value)
    {
        if (value.Length == 0)
        {
            return string.Empty;
        }

        if (value.Length > SharedAcrossStatesMaxLength)
        {
            return value;
        }

        var slot = (int)((uint)string.GetHashCode(value, StringComparison.Ordinal) % TableSize);
        var held = Volatile.Read(ref Table[slot]);
        if (held is not null && string.Equals(held, value, StringComparison.Ordinal))
        {
            return held;
        }

        Volatile.Write(ref Table[slot], value);
        return value;
    }

    /// <summary>Ends a read's sharing (and restores an enclosing one, if a read was nested in another).</summary>
    private sealed class ReadScope(Dictionary<string, string>? outer) : IDisposable
    {
        public void Dispose() => _read = outer;
    }
}
