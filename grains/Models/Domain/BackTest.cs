namespace Orleans.Fin.Models.Domain;

/// <summary>
/// Back-tests of a model version on labelled outcomes. Credit: the loans are grouped by predicted PD into
/// <see cref="PdBandEdges"/> bands, each with its mean predicted PD and its realised default rate (NonPerforming =
/// default), which a calibrated model keeps close. Fraud: precision and recall where the model's probability crosses
/// each serving threshold.
/// </summary>
public static class BackTest
{
    /// <summary>PD band edges: [0, 0.05), [0.05, 0.10), [0.10, 0.20), [0.20, 0.30), [0.30, 0.50), [0.50, 1].</summary>
    public static readonly IReadOnlyList<double> PdBandEdges = [0, 0.05, 0.10, 0.20, 0.30, 0.50, 1.0];

    public static ModelBackTest Credit(IReadOnlyList<LabelledScore> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        List<PdBandBackTest> bands = [];
        for (var i = 0; i < PdBandEdges.Count - 1; i++)
        {
            var (from, to) = (PdBandEdges[i], PdBandEdges[i + 1]);
            var last = i == PdBandEdges.Count - 2;
            var inBand = outcomes.Where(o => o.Score >= from && (o.Score < to || (last && o.Score <= to))).ToList();
            var defaults = inBand.Count(o => o.Positive);
            bands.Add(new PdBandBackTest(
                from, to, inBand.Count, defaults, inBand.Count == 0 ? null : inBand.Average(o => o.Score),
                inBand.Count == 0 ? null : (double)defaults / inBand.Count));
        }

        return new ModelBackTest(outcomes.Count, outcomes.Count(o => o.Positive), bands, []);
    }

    /// <param name="outcomes">The model's probability of fraud on each labelled decision.</param>
    /// <param name="thresholds">Named thresholds (a probability at or above one is called fraud there).</param>
    public static ModelBackTest Fraud(IReadOnlyList<LabelledScore> outcomes, IReadOnlyList<(string Name, double Threshold)> thresholds)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(thresholds);
        var positives = outcomes.Count(o => o.Positive);
        List<ThresholdBackTest> rows = [];
        foreach (var (name, threshold) in thresholds)
        {
            var flagged = outcomes.Count(o => o.Score >= threshold);
            var truePositives = outcomes.Count(o => o.Score >= threshold && o.Positive);
            rows.Add(new ThresholdBackTest(
                name, threshold, flagged, truePositives, flagged == 0 ? null : (double)truePositives / flagged,
                positives == 0 ? null : (double)truePositives / positives));
        }

        return new ModelBackTest(outcomes.Count, positives, [], rows);
    }

    /// <summary>
    /// The probabilities at which the fraud model on its own moves the engine: the model's own decision threshold, and
    /// the probabilities whose weighted score reaches the Medium (a one-time code) and High (decline and freeze)
    /// thresholds: threshold ÷ (100 × model weight).
    /// </summary>
    public static IReadOnlyList<(string Name, double Threshold)> FraudServingThresholds(double modelThreshold, int mediumScore, int highScore, double modelWeight) =>
        modelWeight <= 0
            ? [("model", modelThreshold)]
            : [("model", modelThreshold), ("step-up", Math.Min(1, mediumScore / (100 * modelWeight))), ("decline", Math.Min(1, highScore / (100 * modelWeight)))];
}
