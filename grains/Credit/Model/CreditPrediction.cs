using Microsoft.ML.Data;

namespace Orleans.Fin.Credit.Model;

/// <summary>The model's output row: the calibrated probability of default and the per-slot explanation vector.</summary>
public sealed class CreditPrediction
{
    [ColumnName(CreditPipeline.Probability)]
    public float Probability { get; set; }

    [ColumnName(CreditPipeline.Explanation)]
    public float[] Explanation { get; set; } = [];
}
