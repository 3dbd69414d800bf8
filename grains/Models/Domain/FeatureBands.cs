namespace Orleans.Fin.Models.Domain;

/// <summary>
/// The key features whose live distribution is compared with training (drift), and their bins (upper edges; the last
/// bin is open). Fraud: the payment amount (ln(1 + CNY)) and the new-payee flag; credit: the amount requested and the
/// declared monthly income.
/// </summary>
public static class FeatureBands
{
    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Fraud { get; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
    {
        ["AmountLog"] = [2, 3, 4, 5, 6, 7, 8, 9, 10, double.PositiveInfinity],
        ["NewPayee"] = [0.5, double.PositiveInfinity],
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Credit { get; } = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal)
    {
        ["Amount"] = [500, 750, 1000, 1250, 1500, 2000, 3000, double.PositiveInfinity],
        ["Income"] = [0.5, 75, 100, 130, 175, 250, double.PositiveInfinity],
    };

    public static IReadOnlyDictionary<string, IReadOnlyList<double>> Of(string model) => model == ModelNames.Fraud ? Fraud : Credit;

    public static int BinOf(IReadOnlyList<double> edges, double value)
    {
        ArgumentNullException.ThrowIfNull(edges);
        for (var i = 0; i < edges.Count - 1; i++)
        {
            if (value < edges[i])
            {
                return i;
            }
        }

        return edges.Count - 1;
    }

    /// <summary>Shares per bin of each key feature over <paramref name="rows"/> (feature name → value).</summary>
    public static Dictionary<string, IReadOnlyList<double>> Shares(string model, IEnumerable<Func<string, double>> rows)
    {
        var bands = Of(model);
        var counts = bands.ToDictionary(b => b.Key, b => new long[b.Value.Count], StringComparer.Ordinal);
        foreach (var row in rows)
        {
            foreach (var (feature, edges) in bands)
            {
                counts[feature][BinOf(edges, row(feature))]++;
            }
        }

        return counts.ToDictionary(c => c.Key, c => (IReadOnlyList<double>)ScoreBands.Shares(c.Value), StringComparer.Ordinal);
    }
}
