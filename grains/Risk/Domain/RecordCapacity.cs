using Orleans.Fin.Common;

namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// How much room the risk state's record lists keep. A list grows by doubling, so 20 records read back sit in an array of
/// 32: a list read from storage (or left after sealing) keeps exactly its records (<see cref="ListRoom.Fit"/>), and a full list grows by an eighth (at
/// least <see cref="MinStep"/>) up to its bound, where doubling would undo the fit for an active customer who appends
/// again. A short list grows one slot at a time (copying a few records is cheaper than the state write that follows), so a
/// customer who comes back for one payment carries no spare slots; from 16 records on growth is geometric, so appends
/// under load still copy each record a bounded number of times on average.
/// </summary>
public static class RecordCapacity
{
    /// <summary>The fewest slots a full list grows by.</summary>
    public const int MinStep = 1;

    /// <summary>The capacity a full list of <paramref name="count"/> records grows to: an eighth more, up to the bound.</summary>
    public static int Grow(int count, int bound)
    {
        var step = Math.Max(MinStep, count / 8);
        return count < bound ? Math.Min(bound, count + step) : count + step;
    }

    /// <summary>Makes room for one more record by <see cref="Grow"/> when the list is full.</summary>
    public static void EnsureRoom<T>(List<T> records, int bound)
    {
        if (records.Count == records.Capacity)
        {
            records.Capacity = Grow(records.Count, bound);
        }
    }
}
