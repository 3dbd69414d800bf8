namespace Orleans.Fin.Common;

/// <summary>
/// How much room a list held in grain state keeps. A list grows by doubling, so 9 entries read back sit in an array of 16
/// and a copy of 20 that takes one more moves to an array of 40: a list read from storage keeps exactly its items, and a
/// copy to change keeps one free slot, which the change fills. (How the risk state's record lists grow once full:
/// <c>RecordCapacity</c>.)
/// </summary>
public static class ListRoom
{
    /// <summary>Drops the spare slots of a list read from storage.</summary>
    public static List<T> Fit<T>(List<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Capacity > items.Count)
        {
            items.Capacity = items.Count;
        }

        return items;
    }

    /// <summary>
    /// The items as an array of exactly their count, and the one shared empty array when there are none: for a short list
    /// that changes rarely and is replaced as a whole, a state read from storage then holds no list object, no spare slots
    /// and nothing at all for an empty list.
    /// </summary>
    public static IReadOnlyList<T> Exact<T>(IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return items switch
        {
            { Count: 0 } => Array.Empty<T>(),
            T[] array => array,
            _ => items.ToArray(),
        };
    }

    /// <summary>A copy of <paramref name="items"/> with room for one more.</summary>
    public static List<T> WithRoomForOne<T>(IReadOnlyCollection<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var copy = new List<T>(items.Count + 1);
        copy.AddRange(items);
        return copy;
    }
}
