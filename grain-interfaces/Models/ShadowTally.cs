namespace Orleans.Fin.Models;

/// <summary>
/// What one silo saw one version score since its last report: decisions scored, those it acted on (champion, or a
/// challenger on its traffic share), counts per score bin and per key-feature bin (for drift).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ShadowTally")]
public sealed record ShadowTally(
    string Version,
    long Scored,
    long Acted,
    IReadOnlyList<long> ScoreBins,
    IReadOnlyDictionary<string, IReadOnlyList<long>> FeatureBins);
