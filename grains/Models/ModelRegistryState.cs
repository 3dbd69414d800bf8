namespace Orleans.Fin.Models;

/// <summary>The persisted registry of one model: its versions, the serving generation and the promotion waiting for a checker.</summary>
public sealed class ModelRegistryState
{
    public int SchemaVersion { get; set; } = 1;

    /// <summary>Grows with every change to what the silos should serve.</summary>
    public long Generation { get; set; }

    public List<StoredModelVersion> Versions { get; set; } = [];

    public StoredPendingPromotion? Pending { get; set; }

    /// <summary>Since when the champion has been below its live target (null when on target or not yet judged).</summary>
    public DateTimeOffset? MissingTargetSince { get; set; }
}

public sealed class StoredModelVersion
{
    public string Version { get; set; } = "";
    public ModelRole Role { get; set; }
    public double TrafficShare { get; set; }
    public DateTimeOffset TrainedAt { get; set; }
    public string DataHash { get; set; } = "";
    public string WeightsHash { get; set; } = "";
    public string Learner { get; set; } = "";
    public string Data { get; set; } = "";
    public List<string> Features { get; set; } = [];
    public Dictionary<string, double> Metrics { get; set; } = [];
    public string TrainedBy { get; set; } = "";
    public double TrainingSeconds { get; set; }
    public List<double> ScoreBins { get; set; } = [];
    public Dictionary<string, List<double>> FeatureBins { get; set; } = [];
    public DateTimeOffset? PromotedAt { get; set; }
    public string? PromotedBy { get; set; }
    public string? ApprovedBy { get; set; }
    public string? PromotionNote { get; set; }

    public static StoredModelVersion From(ModelRegistration r) => new()
    {
        Version = r.Version,
        TrainedAt = r.TrainedAt,
        DataHash = r.DataHash,
        WeightsHash = r.WeightsHash,
        Learner = r.Learner,
        Data = r.Data,
        Features = [.. r.Features],
        Metrics = r.Metrics.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal),
        TrainedBy = r.TrainedBy,
        TrainingSeconds = r.TrainingSeconds,
        ScoreBins = [.. r.ScoreBins],
        FeatureBins = r.FeatureBins.ToDictionary(f => f.Key, f => f.Value.ToList(), StringComparer.Ordinal),
    };
}

public sealed class StoredPendingPromotion
{
    public string Version { get; set; } = "";
    public string RequestedBy { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }
    public string Note { get; set; } = "";
    public bool Override { get; set; }
}
