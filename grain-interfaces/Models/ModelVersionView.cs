namespace Orleans.Fin.Models;

/// <summary>One version in <c>GET /ops/models</c>: the registration, its role and traffic share, live metrics and drift.</summary>
[GenerateSerializer, Immutable, Alias("fin.ModelVersionView")]
public sealed record ModelVersionView(
    string Version,
    ModelRole Role,
    DateTimeOffset TrainedAt,
    string DataHash,
    string WeightsHash,
    string Learner,
    string Data,
    IReadOnlyList<string> Features,
    IReadOnlyDictionary<string, double> Metrics,
    string TrainedBy,
    double TrainingSeconds,
    double TrafficShare,
    ModelLiveMetrics LiveMetrics,
    ModelDrift Drift,
    DateTimeOffset? PromotedAt,
    string? PromotedBy,
    string? ApprovedBy,
    string? PromotionNote,
    ModelBackTest? BackTest = null);

/// <summary>
/// How a version did on labelled outcomes since it was registered (fraud: resolved cases and payments that stayed
/// unreported for the label window; credit: realised loan outcomes), at its serving threshold; null where undefined.
/// <paramref name="Scored"/> counts the live decisions it scored (in shadow or acting).
/// </summary>
[GenerateSerializer, Immutable, Alias("fin.ModelLiveMetrics")]
public sealed record ModelLiveMetrics(long Count, long Positives, double? Precision, double? Recall, double? Auc, double Threshold, long Scored, long Acted);

/// <summary>Population stability index of the live score distribution (and key features) against training; null before enough scores.</summary>
[GenerateSerializer, Immutable, Alias("fin.ModelDrift")]
public sealed record ModelDrift(double? Psi, IReadOnlyDictionary<string, double> FeaturePsi, long Scored, string Status);

/// <summary>A model and all of its versions, the pending promotion if any, and its target alerts.</summary>
[GenerateSerializer, Immutable, Alias("fin.ModelView")]
public sealed record ModelView(
    string Name,
    string Champion,
    IReadOnlyList<ModelVersionView> Versions,
    PendingPromotionView? PendingPromotion,
    IReadOnlyList<ModelTargetAlert> Alerts);

[GenerateSerializer, Immutable, Alias("fin.PendingPromotionView")]
public sealed record PendingPromotionView(string Version, string RequestedBy, DateTimeOffset RequestedAt, string Note, bool Override);

/// <summary>A champion that missed its target for the configured window, and the date by which it must be adjusted.</summary>
[GenerateSerializer, Immutable, Alias("fin.ModelTargetAlert")]
public sealed record ModelTargetAlert(string Version, string Metric, double Value, double Target, DateTimeOffset MissingSince, DateTimeOffset AdjustBy, string Message);
