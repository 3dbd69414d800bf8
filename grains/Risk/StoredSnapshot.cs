using Orleans.Fin.Customers;

namespace Orleans.Fin.Risk;

/// <summary>Persisted form of a <see cref="RiskSnapshot"/> (state types are never the wire types).</summary>
public sealed class StoredSnapshot
{
    public int Score { get; set; }
    public RiskLevel Level { get; set; }
    public List<string> Reasons { get; set; } = [];
    public float? ModelProbability { get; set; }
    public string ModelVersion { get; set; } = "";
    public Dictionary<string, double> Features { get; set; } = new(StringComparer.Ordinal);

    public static StoredSnapshot From(RiskSnapshot s) => new()
    {
        Score = s.Score,
        Level = s.Level,
        Reasons = [.. s.Reasons],
        ModelProbability = s.ModelProbability,
        ModelVersion = s.ModelVersion,
        Features = new Dictionary<string, double>(s.Features, StringComparer.Ordinal),
    };

    public RiskSnapshot ToView() => new(Score, Level, [.. Reasons], ModelProbability, ModelVersion, new Dictionary<string, double>(Features, StringComparer.Ordinal));
}
