namespace Orleans.Fin.Models.Domain;

/// <summary>
/// The fixed bins that score distributions are counted in (for drift): probabilities in [0, 1], finer near 0 where
/// fraud scores crowd. A score falls in the first bin whose upper edge is above it; 1 falls in the last.
/// </summary>
public static class ScoreBands
{
    public static IReadOnlyList<double> UpperEdges { get; } = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1.0];

    public static int Bins => UpperEdges.Count;

    public static int BinOf(double score)
    {
        for (var i = 0; i < UpperEdges.Count - 1; i++)
        {
            if (score < UpperEdges[i])
            {
                return i;
            }
        }

        return UpperEdges.Count - 1;
    }

    /// <summary>Counts per bin of <paramref name="scores"/>.</summary>
    public static long[] Count(IEnumerable<double> scores)
    {
        var counts = new long[UpperEdges.Count];
        foreach (var score in scores)
        {
            counts[BinOf(score)]++;
        }

        return counts;
    }

    /// <summary>Each bin's share of the total; all zero when there is nothing counted.</summary>
    public static double[] Shares(IReadOnlyList<long> counts)
    {
        var total = counts.Sum();
        return [.. counts.Select(c => total == 0 ? 0.0 : (double)c / total)];
    }
}
