namespace Orleans.Fin.Common;

/// <summary>A hash of a string that is the same on every node and every run (unlike <see cref="string.GetHashCode()"/>), for sharding.</summary>
public static class ShardHash
{
    /// <summary>32-bit FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static uint Fnv1a(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
