namespace Orleans.Fin.Risk.Domain;

/// <summary>
/// A model's features as a decision keeps them until it is labelled: the values in column order, and the column names
/// shared with every other record that has the same columns (one list per model in the process, not a dictionary and a
/// copy of every name per record). Reads back as the dictionary it was made from, in the same order.
/// </summary>
public sealed class CompactFeatures
{
    /// <summary>At most this many column lists are shared; a record with yet another list keeps its own.</summary>
    public const int MaxSharedColumnLists = 16;

    private static readonly Lock Gate = new();
    private static string[][] _shared = [];

    private readonly string[] _names;
    private readonly double[] _values;

    private CompactFeatures(string[] names, double[] values)
    {
        _names = names;
        _values = values;
    }

    public int Count => _values.Length;

    /// <summary>The compact form of <paramref name="features"/>; null for null.</summary>
    public static CompactFeatures? From(IReadOnlyDictionary<string, double>? features)
    {
        if (features is null)
        {
            return null;
        }

        var names = new string[features.Count];
        var values = new double[features.Count];
        var i = 0;
        foreach (var (name, value) in features)
        {
            names[i] = name;
            values[i] = value;
            i++;
        }

        return new CompactFeatures(Share(names), values);
    }

    public Dictionary<string, double> ToDictionary()
    {
        var features = new Dictionary<string, double>(_values.Length, StringComparer.Ordinal);
        for (var i = 0; i < _values.Length; i++)
        {
            features[_names[i]] = _values[i];
        }

        return features;
    }

    /// <summary>Whether two records share one column list (what keeps them small).</summary>
    public bool SharesColumnsWith(CompactFeatures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(_names, other._names);
    }

    private static string[] Share(string[] names)
    {
        foreach (var known in Volatile.Read(ref _shared))
        {
            if (known.AsSpan().SequenceEqual(names))
            {
                return known;
            }
        }

        lock (Gate)
        {
            foreach (var known in _shared)
            {
                if (known.AsSpan().SequenceEqual(names))
                {
                    return known;
                }
            }

            if (_shared.Length < MaxSharedColumnLists)
            {
                Volatile.Write(ref _shared, [.. _shared, names]);
            }

            return names;
        }
    }
}
