namespace Orleans.Fin.Risk.Model;

/// <summary>The model's output columns.</summary>
public sealed class FraudPrediction
{
    public bool PredictedLabel { get; set; }
    public float Score { get; set; }
    public float Probability { get; set; }
}
