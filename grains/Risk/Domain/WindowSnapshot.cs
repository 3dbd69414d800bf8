namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A record list as it was when it was last stored whole (the cold part), against which the list as it is now is written
/// as a splice: runs of the snapshot's records and the records it does not hold, in order. A window that gains records at
/// its end, loses them from its start and changes a few in place is then written as a few runs and its new records.
/// </summary>
/// <remarks>
/// Runs are triples <c>(from, count, inline)</c>: take <c>count</c> records of the snapshot from index <c>from</c>, then
/// the next <c>inline</c> records of the list held inline. A record is taken from the snapshot only when the comparer
/// finds it the same in every stored field (<see cref="WindowRecordComparers"/>), so the list read back is the list
/// written. The snapshot keeps each record's hash, so a record is looked for with a vectorised search of the hashes.
/// </remarks>
public sealed class WindowSnapshot<T>
{
    private readonly T[] _records;
    private readonly int[] _hashes;
    private readonly IEqualityComparer<T> _comparer;
    private readonly Func<T, T> _copy;

    /// <param name="records">The list as stored, oldest first.</param>
    /// <param name="comparer">Equal only for records written the same in every stored field.</param>
    /// <param name="copy">
    /// A copy of a record that changing the list's records cannot reach (the identity for values; a new object for a
    /// record the list changes in place), both for the snapshot itself and for every record it hands back.
    /// </param>
    public WindowSnapshot(IEnumerable<T> records, IEqualityComparer<T> comparer, Func<T, T> copy)
    {
        ArgumentNullException.ThrowIfNull(records);
        _comparer = comparer ?? throw new ArgumentNullException(nameof(comparer));
        _copy = copy ?? throw new ArgumentNullException(nameof(copy));
        _records = [.. records.Select(copy)];
        _hashes = new int[_records.Length];
        for (var i = 0; i < _records.Length; i++)
        {
            _hashes[i] = Hash(_records[i]);
        }
    }

    /// <summary>The records of the snapshot (copies, for a list stored whole with them).</summary>
    public IReadOnlyList<T> Records => _records;

    public int Count => _records.Length;

    /// <summary>
    /// Writes <paramref name="current"/> as runs of this snapshot, adding to <paramref name="inline"/> the records it does
    /// not hold; returns the runs and how many of the snapshot's records they take.
    /// </summary>
    public (List<int> Runs, int Taken) Splice(IReadOnlyList<T> current, List<T> inline)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(inline);
        List<int> runs = [];
        int from = 0, count = 0, held = 0, next = 0, taken = 0;
        for (var i = 0; i < current.Count; i++)
        {
            var record = current[i];
            var at = next < _records.Length && _comparer.Equals(_records[next], record) ? next : Find(record, next);
            if (at < 0)
            {
                inline.Add(record);
                held++;
                continue;
            }

            if (held == 0 && count > 0 && at == from + count)
            {
                count++;
            }
            else
            {
                End(runs, from, count, held);
                (from, count, held) = (at, 1, 0);
            }

            taken++;
            next = at + 1;
        }

        End(runs, from, count, held);
        return (runs, taken);
    }

    /// <summary>The list that <paramref name="runs"/> and <paramref name="inline"/> were written from.</summary>
    /// <exception cref="FormatException">The runs do not fit this snapshot or the inline records.</exception>
    public List<T> Join(IReadOnlyList<T> inline, IReadOnlyList<int> runs)
    {
        ArgumentNullException.ThrowIfNull(inline);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count % 3 != 0)
        {
            throw new FormatException("Window runs come in threes.");
        }

        List<T> list = [];
        var cursor = 0;
        for (var r = 0; r < runs.Count; r += 3)
        {
            var (from, count, held) = (runs[r], runs[r + 1], runs[r + 2]);
            if (from < 0 || count < 0 || held < 0 || from > _records.Length - count || held > inline.Count - cursor)
            {
                throw new FormatException($"Window run ({from}, {count}, {held}) is outside a cold part of {_records.Length} records and {inline.Count} inline.");
            }

            for (var i = from; i < from + count; i++)
            {
                list.Add(_copy(_records[i]));
            }

            for (var i = 0; i < held; i++)
            {
                list.Add(inline[cursor++]);
            }
        }

        if (cursor != inline.Count)
        {
            throw new FormatException($"Window runs take {cursor} of {inline.Count} inline records.");
        }

        return list;
    }

    private static void End(List<int> runs, int from, int count, int held)
    {
        if (count > 0 || held > 0)
        {
            runs.Add(from);
            runs.Add(count);
            runs.Add(held);
        }
    }

    /// <summary>The index of the first record at or after <paramref name="start"/> the same as <paramref name="record"/>; -1 when none.</summary>
    private int Find(T record, int start)
    {
        var hash = Hash(record);
        var hashes = _hashes.AsSpan();
        while (start < hashes.Length)
        {
            var found = hashes[start..].IndexOf(hash);
            if (found < 0)
            {
                return -1;
            }

            var at = start + found;
            if (_comparer.Equals(_records[at], record))
            {
                return at;
            }

            start = at + 1;
        }

        return -1;
    }

    private int Hash(T record) => record is null ? 0 : _comparer.GetHashCode(record);
}
