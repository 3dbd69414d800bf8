using System.ComponentModel.DataAnnotations;

namespace Orleans.Fin.Models;

/// <summary>Model lifecycle settings (section "Models"): how often silos follow the registry, retraining sizes, label window, targets.</summary>
public sealed class ModelLifecycleOptions
{
    public const string Section = "Models";

    /// <summary>How often each silo checks the registry for a promoted version and reports its shadow tallies.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Simulated customers the fraud retraining starts from (the shipped model used 2,000).</summary>
    [Range(50, 100_000)]
    public int FraudRetrainCustomers { get; set; } = 2_000;

    /// <summary>Trees of the retrained fraud model (the shipped model has 100).</summary>
    [Range(10, 1_000)]
    public int FraudRetrainTrees { get; set; } = 100;

    /// <summary>How many times each labelled case counts in training: a verified human outcome outweighs a simulated row.</summary>
    [Range(1, 100)]
    public int LabelWeight { get; set; } = 5;

    /// <summary>Folds of the credit retraining's cross-validation.</summary>
    [Range(2, 10)]
    public int CreditRetrainFolds { get; set; } = 5;

    /// <summary>Months of labels (by month of resolution) that retraining and live metrics read back from now.</summary>
    [Range(1, 120)]
    public int LabelMonths { get; set; } = 24;

    /// <summary>The live metric a fraud champion must reach on labelled outcomes (recall at its threshold).</summary>
    [Range(0.0, 1.0)]
    public double FraudRecallTarget { get; set; } = 0.92;

    /// <summary>The live AUC a credit champion must reach on realised outcomes.</summary>
    [Range(0.0, 1.0)]
    public double CreditAucTarget { get; set; } = 0.83;

    /// <summary>A champion below its target this long raises an alert.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan TargetMissWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Once it misses, the model must be adjusted within this long of the first miss (the plan: two weeks).</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "365.00:00:00")]
    public TimeSpan AdjustWithin { get; set; } = TimeSpan.FromDays(14);
}
