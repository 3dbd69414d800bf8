using Orleans.Fin.Credit.Domain;

namespace Orleans.Fin.Credit.Model;

/// <summary>
/// The record of the training run that produced the shipped models (grains/Credit/Data/credit-models.json): the
/// SHA-256 of the data trained on, the seed and folds, the ML.NET version, the data-quality report and the model
/// cards (champion and challenger). Holds no timestamps, so retraining unchanged code on unchanged data rewrites
/// it identically.
/// </summary>
public sealed record CreditModelRegistry(
    string DataSha256,
    int Seed,
    int Folds,
    string MlNetVersion,
    CreditDataQualityReport DataQuality,
    IReadOnlyList<CreditModelCard> Models);
