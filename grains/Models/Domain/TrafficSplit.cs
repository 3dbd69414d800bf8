namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Which decisions a challenger with a traffic share takes (A/B): a stable hash (FNV-1a, then an avalanche finaliser) of the decision's key (movement or
/// application id) mapped to [0, 1); below the share, the challenger decides. The same key always lands the same way,
/// so a retried payment is scored by the same model.
/// </summary>
public static class TrafficSplit
{
    public static bool ChallengerTakes(string key, double share) => share > 0 && Fraction(key) < share;

    /// <summary>The key's stable place in [0, 1] (also used to sample decisions by id).</summary>
    public static double Fraction(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        // FNV-1a spreads similar keys (mov_1, mov_2, …) poorly; a 32-bit avalanche finaliser evens them out.
        hash ^= hash >> 16;
        hash = unchecked(hash * 0x85ebca6bu);
        hash ^= hash >> 13;
        hash = unchecked(hash * 0xc2b2ae35u);
        hash ^= hash >> 16;
        return hash / (double)uint.MaxValue;
    }
}
