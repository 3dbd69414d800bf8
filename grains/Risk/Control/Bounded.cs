namespace Orleans.Fin.Risk.Control;

/// <summary>Keeps persisted lists bounded: the newest items stay.</summary>
public static class Bounded
{
    public static void Add<T>(List<T> list, T item, int capacity)
    {
        list.Add(item);
        if (list.Count > capacity)
        {
            list.RemoveRange(0, list.Count - capacity);
        }
    }

    /// <summary>Adds <paramref name="item"/> unless present; returns whether it was new.</summary>
    public static bool AddDistinct(List<string> list, string item, int capacity)
    {
        if (list.Contains(item, StringComparer.Ordinal))
        {
            return false;
        }

        Add(list, item, capacity);
        return true;
    }

    /// <summary>
    /// One page of <paramref name="newestFirst"/> (ordered by descending sequence) below <paramref name="cursor"/>, and
    /// the cursor of the next page when more remain.
    /// </summary>
    public static (List<T> Items, long? Next) PageBelow<T>(IEnumerable<T> newestFirst, Func<T, long> sequence, long? cursor, int limit)
    {
        var items = newestFirst.Where(i => cursor is null || sequence(i) < cursor).Take(limit + 1).ToList();
        if (items.Count <= limit)
        {
            return (items, null);
        }

        items.RemoveAt(limit);
        return (items, sequence(items[^1]));
    }
}
