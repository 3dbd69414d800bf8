namespace Orleans.Fin.Models;

/// <summary>
/// A trained model version as the registry pins it: <paramref name="DataHash"/> (SHA-256 of what it was trained on)
/// and <paramref name="WeightsHash"/> (SHA-256 of the saved model bytes kept in grain storage), with its card: the
/// learner, the data and features, validation metrics, the training time, and the distribution of its scores on its
/// own data (<paramref name="ScoreBins"/>: shares per score bin) and of its key features (<paramref name="FeatureBins"/>),
/// which drift is measured against.
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ModelRegistration")]
public sealed record ModelRegistration(
    string Version,
    DateTimeOffset TrainedAt,
    string DataHash,
    string WeightsHash,
    string Learner,
    string Data,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainedBy,
    double TrainingSeconds,
    IReadOnlyList<double> ScoreBins,
    IReadOnlyDictionary<string, IReadOnlyList<double>> FeatureBins);
