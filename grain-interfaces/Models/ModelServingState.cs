namespace Orleans.Fin.Models;

/// <summary>
/// What every silo should serve for one model: the champion and the challenger (if any) by version and weights hash,
/// and the challenger's share of live traffic (0 = shadow only). <paramref name="Generation"/> grows with every change.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ModelServingState")]
public sealed record ModelServingState(
    string Name,
    long Generation,
    string ChampionVersion,
    string ChampionWeightsHash,
    string? ChallengerVersion,
    string? ChallengerWeightsHash,
    double ChallengerTrafficShare);
