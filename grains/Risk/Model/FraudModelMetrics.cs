namespace Orleans.Fin.Risk.Model;

/// <summary>
/// How a fraud model measured on customers it was not trained on (held out by customer), at its decision threshold
/// (chosen on a separate validation set of customers).
/// </summary>
public sealed record FraudModelMetrics
{
    public string Trainer { get; init; } = "";
    public int Seed { get; init; }
    public double Auc { get; init; }
    public double AucPr { get; init; }
    public double Threshold { get; init; }
    public double Precision { get; init; }
    public double Recall { get; init; }
    public double FalsePositiveRate { get; init; }
    public double F1 { get; init; }
    public int TrainRows { get; init; }
    public int TrainPositives { get; init; }
    public int ValidationRows { get; init; }
    public int TestRows { get; init; }
    public int TestPositives { get; init; }
    public double TrainingSeconds { get; init; }
}
